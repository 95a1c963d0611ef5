package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.volunteering.analysis.lexicon.Lexicon;
import sa.volunteering.analysis.lexicon.LexiconKeys;
import sa.volunteering.matching.taxonomy.TaxonomyFiles;
import tools.jackson.databind.json.JsonMapper;

class VocabularySpellingTest {

  private static final VocabularySpelling SPELLING =
      new VocabularySpelling(TaxonomyFiles.read(JsonMapper.builder().build()), Lexicon.shipped());

  @Test
  void aWordOneEditFromTheVocabularyTakesTheVocabularysWord() {
    assertThat(SPELLING.respell(LexiconKeys.words("blod donation")))
        .containsExactly(Map.entry("blod", "blood"));
    assertThat(SPELLING.respell(LexiconKeys.words("recycleing")))
        .containsExactly(Map.entry("recycleing", "recycling"));
    assertThat(SPELLING.respell(LexiconKeys.words("تعلييم الأطفال")))
        .containsExactly(Map.entry("تعلييم", "تعليم"));
  }

  @Test
  void wordsOfTheVocabularyShortWordsAndFarWordsStayAsTyped() {
    assertThat(SPELLING.respell(LexiconKeys.words("blood donation للأطفال"))).isEmpty();
    assertThat(SPELLING.respell(LexiconKeys.words("abc"))).isEmpty();
    assertThat(SPELLING.respell(LexiconKeys.words("zzzzzz"))).isEmpty();
  }

  @Test
  void theCorrectedTextIsWhatMentionsAreLookedUpIn() {
    String[] typed = LexiconKeys.words("Blod donation");
    assertThat(String.join(" ", VocabularySpelling.apply(typed, SPELLING.respell(typed))))
        .isEqualTo("blood donation");
  }

  @Test
  void theVocabularyIsTheLexiconAndTheTaxonomyHeldOnce() {
    assertThat(SPELLING.size()).isBetween(2_000, 10_000);
  }
}
