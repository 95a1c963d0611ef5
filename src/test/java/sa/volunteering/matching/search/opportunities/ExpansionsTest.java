package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.volunteering.analysis.lexicon.Concept;
import sa.volunteering.analysis.lexicon.Lexicon;
import sa.volunteering.analysis.lexicon.LexiconKeys;

class ExpansionsTest {

  private static final Concept DENTIST =
      Lexicon.shipped().byKey(LexiconKeys.of("dentist")).orElseThrow();

  @Test
  void anArabicWordAddsTheOtherArabicFormsFirstAndNeverItself() {
    Expansion expansion = Expansion.of("طبيب اسنان", DENTIST, 12);
    assertThat(expansion.sameLanguage())
        .contains("عيادة أسنان", "أطباء أسنان", "دكتور أسنان")
        .doesNotContain("طبيب أسنان");
    assertThat(expansion.otherLanguage())
        .containsExactly("dentist", "dental care", "dental clinic");
  }

  @Test
  void aConceptAddsAtMostItsLimitTheLanguageTypedFirst() {
    Expansion expansion = Expansion.of("dentist", DENTIST, 3);
    assertThat(expansion.added()).containsExactly("dental care", "dental clinic", "طبيب أسنان");
  }

  @Test
  void formsInTheLanguageTypedWeighHalfAWordTypedAndTheOtherLanguageLess() {
    Query query = new Expansions(List.of(Expansion.of("dentist", DENTIST, 12))).query();
    List<Query> forms = query.bool().should().get(0).disMax().queries();
    assertThat(forms.get(0).multiMatch().query()).isEqualTo("dental care");
    assertThat(forms.get(0).multiMatch().boost()).isEqualTo(Expansions.SAME_LANGUAGE);
    assertThat(forms.get(2).multiMatch().query()).isEqualTo("طبيب أسنان");
    assertThat(forms.get(2).multiMatch().boost()).isEqualTo(Expansions.OTHER_LANGUAGE);
    assertThat(Expansions.OTHER_LANGUAGE).isLessThan(Expansions.SAME_LANGUAGE).isLessThan(1f);
  }

  @Test
  void eachFormIsLookedUpInTheTitleAndDescriptionAnalysedForItsScript() {
    Query query = new Expansions(List.of(Expansion.of("dentist", DENTIST, 12))).query();
    List<Query> forms = query.bool().should().get(0).disMax().queries();
    assertThat(forms.get(0).multiMatch().fields())
        .containsExactly("title.en^3", "description.en^0.8");
    assertThat(forms.get(2).multiMatch().fields()).containsExactly("title^4", "description");
  }

  @Test
  void respelledWordsAreSearchedWithHalfTheWeightOfAWordTyped() {
    Query query = Expansions.NONE.respelled(Map.of("blod", "blood")).query();
    assertThat(query.bool().should().get(0).multiMatch().query()).isEqualTo("blood");
    assertThat(query.bool().should().get(0).multiMatch().boost()).isEqualTo(0.5f);
  }

  @Test
  void moreExpansionsStopAtTheLimitAndNameAConceptOnce() {
    Expansions one = new Expansions(List.of(Expansion.of("dentist", DENTIST, 12)));
    assertThat(one.and(List.of(Expansion.of("طبيب اسنان", DENTIST, 12)), 4).each()).hasSize(1);
    Concept nurse = Lexicon.shipped().byKey(LexiconKeys.of("nurse")).orElseThrow();
    assertThat(one.and(List.of(Expansion.of("nurse", nurse, 12)), 1).each()).hasSize(1);
  }
}
