package sa.volunteering.matching.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** The shipped taxonomy: big enough, consistent, and found by the names people type. */
class TaxonomyTest {

  private static final Taxonomy TAXONOMY =
      new TaxonomyConfiguration().taxonomy(JsonMapper.builder().build());

  @Test
  void coversThePlatformsFieldsSkillsAndAllThirteenRegions() {
    assertThat(TAXONOMY.fields().all()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(TAXONOMY.skills().all()).hasSizeGreaterThanOrEqualTo(150);
    assertThat(TAXONOMY.regions().all()).hasSize(13);
    Set<String> regionsWithCities =
        TAXONOMY.cities().all().stream().map(City::region).collect(Collectors.toSet());
    assertThat(regionsWithCities).hasSize(13);
  }

  @Test
  void everyTermHasBothLanguagesAndEverySkillRelatedSkills() {
    List<Term> terms = new java.util.ArrayList<>();
    terms.addAll(TAXONOMY.fields().all());
    terms.addAll(TAXONOMY.skills().all());
    terms.addAll(TAXONOMY.cities().all());
    assertThat(terms)
        .allSatisfy(
            term -> {
              assertThat(term.ar()).as(term.code()).matches(".*[\\u0621-\\u064A].*");
              assertThat(term.en()).as(term.code()).matches(".*[A-Za-z].*");
            });
    assertThat(TAXONOMY.skills().all())
        .allSatisfy(skill -> assertThat(skill.related()).as(skill.code()).isNotEmpty());
  }

  @Test
  void citiesLieInSaudiArabia() {
    assertThat(TAXONOMY.cities().all())
        .allSatisfy(
            city -> {
              assertThat(city.lat()).as(city.code()).isBetween(16.0, 32.5);
              assertThat(city.lon()).as(city.code()).isBetween(34.5, 56.0);
            });
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "المدينة المنورة, madinah",
    "المدينه المنوره, madinah",
    "Medina, madinah",
    "Madinah, madinah",
    "Al Madinah Al Munawwarah, madinah",
    "المَدِينَة المنوّرة, madinah",
    "جدة, jeddah",
    "جده, jeddah",
    "Jeddah, jeddah",
    "Jiddah, jeddah",
    "الرياض, riyadh",
    "Riyadh, riyadh",
    "Ar Riyadh, riyadh",
    "  riyadh , riyadh",
    "مكة, makkah",
    "Mecca, makkah",
    "الاحساء, ahsa",
    "الأحساء, ahsa",
    "الهفوف, ahsa",
    "جيزان, jazan"
  })
  void findsACityByAnyNameOrSpelling(String name, String code) {
    assertThat(TAXONOMY.cities().resolve(name)).map(City::code).contains(code);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "تصميم جرافيك, graphic_design",
    "Graphic design, graphic_design",
    "الإسعافات الأولية, first_aid",
    "اسعافات اولية, first_aid",
    "CPR, cpr",
    "الحج, hajj_umrah"
  })
  void findsSkillsAndFieldsByNameInEitherLanguage(String name, String code) {
    String found =
        TAXONOMY
            .skills()
            .resolve(name)
            .map(Skill::code)
            .orElseGet(() -> TAXONOMY.fields().resolve(name).map(Field::code).orElse("none"));
    assertThat(found).isEqualTo(code);
  }

  @Test
  void anUnknownCodeIsAProblemPointingAtTheValidOnes() {
    assertThatThrownBy(() -> Taxonomy.requireKnown(TAXONOMY.cities(), "cityCode", "atlantis"))
        .hasMessageContaining("atlantis")
        .satisfies(
            error ->
                assertThat(
                        ((org.springframework.web.ErrorResponseException) error)
                            .getBody()
                            .getProperties())
                    .containsEntry("validCodes", "/api/taxonomy/cities"));
  }

  @Test
  void aNameGivenToTwoTermsIsRefusedAtLoad() {
    Field one = new Field("one", "صحي", "Health", List.of());
    Field two = new Field("two", "صحي", "Wellbeing", List.of());
    assertThatThrownBy(() -> new Taxonomy(List.of(one, two), List.of(), List.of(), List.of()))
        .hasMessageContaining("names both one and two");
  }
}
