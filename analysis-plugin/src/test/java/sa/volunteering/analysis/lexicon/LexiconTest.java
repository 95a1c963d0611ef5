package sa.volunteering.analysis.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LexiconTest {

  private static final Path FILES = Path.of("src/main/resources/sa/volunteering/analysis/lexicon");
  private static final Lexicon LEXICON = Lexicon.shipped();

  @Test
  void theShippedLexiconHasItsSizeAndEveryKindOfForm() {
    List<Concept> concepts = LEXICON.concepts();
    assertThat(concepts).hasSizeGreaterThanOrEqualTo(600);
    assertThat(concepts.stream().filter(c -> !c.gulf().isEmpty()).count())
        .isGreaterThanOrEqualTo(150);
    assertThat(concepts.stream().filter(c -> !c.otherNumber().isEmpty()).count())
        .isGreaterThanOrEqualTo(250);
    assertThat(concepts.stream().filter(c -> !c.workerOrWork().isEmpty()).count())
        .isGreaterThanOrEqualTo(100);
  }

  @Test
  void everyFieldFileIsListedAndHoldsConcepts() throws IOException {
    List<String> listed = Files.readAllLines(FILES.resolve("fields.txt"));
    try (Stream<Path> files = Files.list(FILES)) {
      assertThat(
              files
                  .map(path -> path.getFileName().toString())
                  .filter(name -> name.endsWith(".tsv"))
                  .map(name -> name.substring(0, name.length() - 4)))
          .containsExactlyInAnyOrderElementsOf(listed);
    }
    Map<String, Long> perField =
        LEXICON.concepts().stream()
            .collect(Collectors.groupingBy(Concept::field, Collectors.counting()));
    assertThat(perField).containsOnlyKeys(listed);
    assertThat(perField.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(12));
  }

  @Test
  void aFormIsFoundHoweverItIsSpelledOrAttachedToItsArticle() {
    Concept dentist = LEXICON.byKey(LexiconKeys.of("طبيب أسنان")).orElseThrow();
    assertThat(dentist.id()).isEqualTo("health/dentist");
    assertThat(LEXICON.byKey(LexiconKeys.of("طَبِيب الأَسْنَان"))).contains(dentist);
    assertThat(LEXICON.byKey(LexiconKeys.of("Dentist"))).contains(dentist);
    assertThat(LEXICON.byKey(LexiconKeys.of("دكتور سنون"))).contains(dentist);
    assertThat(LEXICON.byKey(LexiconKeys.of("أطباء الأسنان"))).contains(dentist);
  }

  @Test
  void workerAndWorkAndTheirPluralsAreOneConcept() {
    Concept carpenter = LEXICON.byKey(LexiconKeys.of("نجار")).orElseThrow();
    assertThat(LEXICON.byKey(LexiconKeys.of("النجارة"))).contains(carpenter);
    assertThat(LEXICON.byKey(LexiconKeys.of("نجارين"))).contains(carpenter);
    Concept nurse = LEXICON.byKey(LexiconKeys.of("ممرضة")).orElseThrow();
    assertThat(LEXICON.byKey(LexiconKeys.of("تمريض"))).contains(nurse);
  }

  @Test
  void keysFoldCaseMarksLetterFormsAndTheArticle() {
    assertThat(LexiconKeys.of("  Homeless   Shelter ")).isEqualTo("homeless shelter");
    assertThat(LexiconKeys.of("الإسعاف، والمستشفى")).isEqualTo("اسعاف مستشفي");
    assertThat(LexiconKeys.of("للأطفال")).isEqualTo("اطفال");
    assertThat(LexiconKeys.of("")).isEmpty();
  }

  @Test
  void aLineWithoutItsFiveColumnsIsRefusedWithItsPlace() {
    assertThatThrownBy(
            () -> Lexicon.parse(Map.of("health", List.of("# header", "nurse ; ممرض ; -"))))
        .hasMessageStartingWith("health.tsv:2: 3 columns, not 5");
  }

  @Test
  void aFormOfTwoConceptsIsRefusedWithBothPlaces() {
    assertThatThrownBy(
            () ->
                Lexicon.parse(
                    Map.of(
                        "health",
                        List.of("nurse ; ممرض ; - ; - ; -", "male nurse ; الممرض ; - ; - ; -"))))
        .hasMessageContaining("health.tsv:2")
        .hasMessageContaining("health/nurse at health.tsv:1");
  }

  @Test
  void aConceptNeedsBothLanguages() {
    assertThatThrownBy(() -> Lexicon.parse(Map.of("health", List.of("- ; ممرض ; - ; - ; -"))))
        .hasMessageContaining("needs an English and an Arabic form");
  }
}
