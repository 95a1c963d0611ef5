package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sa.volunteering.analysis.lexicon.Lexicon;
import sa.volunteering.analysis.lexicon.LexiconKeys;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.matching.taxonomy.TaxonomyFiles;
import tools.jackson.databind.json.JsonMapper;

class ArabiziMentionsTest {

  private static final Taxonomy TAXONOMY = TaxonomyFiles.read(JsonMapper.builder().build());
  private static final ArabiziMentions ARABIZI =
      new ArabiziMentions(TAXONOMY, Lexicon.shipped(), 12);

  @Test
  void skeletonsOfBothScriptsMeet() {
    assertThat(Arabizi.ofLatin("ta3leem")).isEqualTo(Arabizi.ofArabic("تعليم")).isEqualTo("t3lm");
    assertThat(Arabizi.ofLatin("7ajj")).isEqualTo(Arabizi.ofArabic("حج"));
    assertThat(Arabizi.ofLatin("Jedah")).isEqualTo(Arabizi.ofArabic("جده")).isEqualTo("jd");
    assertThat(Arabizi.ofLatin("Dammaam")).isEqualTo(Arabizi.ofArabic("دمام")).isEqualTo("dmm");
    assertThat(Arabizi.ofLatin("Khubar")).isEqualTo(Arabizi.ofArabic("خبر"));
    assertThat(Arabizi.ofLatin("Dhahran")).isEqualTo(Arabizi.ofArabic("ظهران"));
    assertThat(Arabizi.ofLatin("mosa3ada")).isEqualTo(Arabizi.ofArabic("مساعده"));
    assertThat(Arabizi.ofLatin("sha6i2")).isEqualTo(Arabizi.ofArabic("شاطي"));
  }

  @Test
  void transliteratedPlacesNameTheirCities() {
    assertThat(ARABIZI.in(LexiconKeys.words("volunteer Jedah beach")).mentions().cities())
        .containsExactly("jeddah");
    assertThat(ARABIZI.in(LexiconKeys.words("Makah kids")).mentions().cities())
        .containsExactly("makkah");
    assertThat(ARABIZI.in(LexiconKeys.words("Dammaam blood")).mentions().cities())
        .containsExactly("dammam");
    assertThat(ARABIZI.in(LexiconKeys.words("Najraan pottery")).mentions().cities())
        .containsExactly("najran");
  }

  @Test
  void arabiziWordsNameFieldsSkillsAndConcepts() {
    assertThat(ARABIZI.in(LexiconKeys.words("7ajj")).mentions().fields())
        .containsExactly("hajj_umrah");
    assertThat(ARABIZI.in(LexiconKeys.words("tabarro3 bil dam")).mentions().fields())
        .containsExactly("blood_donation");
    assertThat(ARABIZI.in(LexiconKeys.words("ma7w omeya")).mentions().skills())
        .containsExactly("literacy");
    List<Expansion> quran = ARABIZI.in(LexiconKeys.words("7alaqat ta7feeth")).expansions();
    assertThat(quran)
        .extracting(Expansion::conceptId)
        .containsExactly("religious/quran memorization");
    assertThat(quran.get(0).sameLanguage()).contains("حفظ القرآن", "حلقة تحفيظ");
  }

  @Test
  void englishWordsAreNotReadAsArabizi() {
    assertThat(ARABIZI.in(LexiconKeys.words("blood donation in the old town")).expansions())
        .isEmpty();
    assertThat(ARABIZI.in(LexiconKeys.words("blood donation in the old town")).mentions().isEmpty())
        .isTrue();
    assertThat(ARABIZI.in(LexiconKeys.words("tree planting")).mentions().isEmpty()).isTrue();
  }
}
