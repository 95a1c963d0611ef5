package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.volunteering.analysis.lexicon.Lexicon;
import sa.volunteering.matching.taxonomy.TaxonomyFiles;
import tools.jackson.databind.json.JsonMapper;

class VocabularySpellingTest {

  private static final VocabularySpelling SPELLING =
      new VocabularySpelling(TaxonomyFiles.read(JsonMapper.builder().build()), Lexicon.shipped());

  @Test
  void aWordOneEditFromTheVocabularyTakesTheVocabularysWord() {
    assertThat(SPELLING.respell("blod donation")).containsExactly(Map.entry("blod", "blood"));
    assertThat(SPELLING.respell("recycleing"))
        .containsExactly(Map.entry("recycleing", "recycling"));
    assertThat(SPELLING.respell("تعلييم الأطفال")).containsExactly(Map.entry("تعلييم", "تعليم"));
  }

  @Test
  void wordsOfTheVocabularyShortWordsAndFarWordsStayAsTyped() {
    assertThat(SPELLING.respell("blood donation للأطفال")).isEmpty();
    assertThat(SPELLING.respell("abc")).isEmpty();
    assertThat(SPELLING.respell("zzzzzz")).isEmpty();
  }

  @Test
  void theCorrectedTextIsWhatMentionsAreLookedUpIn() {
    assertThat(VocabularySpelling.apply("Blod donation", SPELLING.respell("Blod donation")))
        .isEqualTo("blood donation");
  }

  @Test
  void theVocabularyIsTheLexiconAndTheTaxonomyHeldOnce() {
    assertThat(SPELLING.size()).isBetween(2_000, 10_000);
  }
}
