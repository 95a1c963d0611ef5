package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.volunteering.matching.system.problem.ApiException;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.taxonomy.TaxonomyFiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query string of a search turned into a query, or into a 400 naming every parameter that is
 * wrong.
 */
class QueryParserTest {

  private static final QueryParser PARSER =
      new QueryParser(
          TaxonomyFiles.read(JsonMapper.builder().build()),
          new OpportunitySearchProperties(
              200,
              10_000,
              20,
              1000,
              40,
              new OpportunitySearchProperties.Suggest(50, 10, 25),
              new OpportunitySearchProperties.LexiconExpansion(4, 12)));

  @Test
  void citiesAreCodesOrNamesInEitherLanguageRepeatedOrCommaSeparated() {
    OpportunityQuery query =
        PARSER.parse(parameters(Map.of("city", List.of("الرياض, Jeddah", "riyadh"))));

    assertThat(query.cities()).containsExactlyInAnyOrder("riyadh", "jeddah");
  }

  @Test
  void anUnknownValueIsNamedByItsPlace() {
    assertThat(errors(Map.of("city", List.of("riyadh,Atlantis")))).containsExactly("city[1]");
  }

  @Test
  void everyLimitIsAFieldError() {
    assertThat(errors(Map.of("city", Collections.nCopies(21, "riyadh")))).containsExactly("city");
    assertThat(errors(Map.of("q", "ت".repeat(201)))).containsExactly("q");
    assertThat(errors(Map.of("lat", 24.7, "lon", 46.7, "radiusKm", 1001.0)))
        .containsExactly("radiusKm");
    assertThat(errors(Map.of("age", 121))).containsExactly("age");
    assertThat(errors(Map.of("gender", "any"))).containsExactly("gender");
    assertThat(errors(Map.of("skills", "some"))).containsExactly("skills");
  }

  @Test
  void aPointNeedsBothCoordinatesInRangeAndARadiusNeedsAPoint() {
    assertThat(errors(Map.of("lat", 24.7))).containsExactly("lon");
    assertThat(errors(Map.of("lat", 91.0, "lon", 181.0))).containsExactlyInAnyOrder("lat", "lon");
    assertThat(errors(Map.of("radiusKm", 5.0))).containsExactly("radiusKm");
  }

  @Test
  void severalErrorsAreAllReportedAtOnce() {
    assertThatThrownBy(
            () ->
                PARSER.parse(
                    parameters(Map.of("gender", "x", "age", -1, "city", List.of("nowhere")))))
        .isInstanceOfSatisfying(
            ApiException.class,
            problem -> {
              assertThat(problem.getStatusCode().value()).isEqualTo(400);
              assertThat(problem.getBody().getDetail()).isEqualTo("3 parameters are invalid");
            });
  }

  @Test
  void controlCharactersAreSpacesAndTheSortFollowsTheText() {
    OpportunityQuery text = PARSER.parse(parameters(Map.of("q", "\tإسعافات\u0000أولية\n")));
    assertThat(text.text()).isEqualTo("إسعافات أولية");
    assertThat(text.sort()).isEqualTo(SearchSort.RELEVANCE);
    assertThat(PARSER.parse(parameters(Map.of())).sort()).isEqualTo(SearchSort.NEWEST);
  }

  @Test
  void pagesStayInsideTheWindow() {
    QueryParser.Paging paging = PARSER.paging(parameters(Map.of("page", 2, "size", 50)), 20, 100);
    assertThat(paging).isEqualTo(new QueryParser.Paging(100, 50, 2));
    assertThat(PARSER.paging(parameters(Map.of()), 20, 100))
        .isEqualTo(new QueryParser.Paging(0, 20, 0));

    assertThatThrownBy(() -> PARSER.paging(parameters(Map.of("page", 100, "size", 100)), 20, 100))
        .isInstanceOfSatisfying(
            ApiException.class,
            problem ->
                assertThat(problem.getBody().getDetail())
                    .contains("/api/opportunities/search/stream"));
    assertThatThrownBy(() -> PARSER.paging(parameters(Map.of("size", 101)), 20, 100))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> PARSER.paging(parameters(Map.of("page", -1)), 20, 100))
        .isInstanceOf(ApiException.class);
  }

  /** The fields named by the problem this query string is refused with. */
  @SuppressWarnings("unchecked")
  private static List<String> errors(Map<String, Object> values) {
    try {
      PARSER.parse(parameters(values));
    } catch (ApiException problem) {
      List<Problems.FieldError> errors =
          (List<Problems.FieldError>) problem.getBody().getProperties().get("errors");
      return errors.stream().map(Problems.FieldError::field).toList();
    }
    throw new AssertionError("accepted: " + values);
  }

  /** Search parameters with these values (by component name), the others absent. */
  @Test
  void theTextIsUnderstoodWithTheLexiconTheArabiziAndTheVocabularysSpelling() {
    OpportunityQuery dentist = PARSER.parse(parameters(Map.of("q", "لطبيب الأسنان بجدة")));
    assertThat(dentist.mentioned().cities()).containsExactly("jeddah");
    assertThat(dentist.expansions().each())
        .extracting(Expansion::conceptId)
        .containsExactly("health/dentist");
    assertThat(dentist.expansions().each().get(0).otherLanguage()).contains("dentist");

    OpportunityQuery blood = PARSER.parse(parameters(Map.of("q", "blod donation")));
    assertThat(blood.expansions().respelled()).containsEntry("blod", "blood");
    assertThat(blood.mentioned().fields()).containsExactly("blood_donation");

    OpportunityQuery arabizi = PARSER.parse(parameters(Map.of("q", "ta3leem Jedah")));
    assertThat(arabizi.mentioned().cities()).containsExactly("jeddah");
    assertThat(arabizi.mentioned().fields()).containsExactly("education");
  }

  @Test
  void expansionIsBoundedByItsLimits() {
    OpportunityQuery many =
        PARSER.parse(parameters(Map.of("q", "نجار طباخ ممرض خياط سباك حلاق مصور")));
    assertThat(many.expansions().each()).hasSize(4);
    assertThat(many.expansions().each())
        .allSatisfy(expansion -> assertThat(expansion.added()).hasSizeLessThanOrEqualTo(12));
  }

  private static SearchParameters parameters(Map<String, Object> values) {
    RecordComponent[] components = SearchParameters.class.getRecordComponents();
    Object[] arguments =
        Arrays.stream(components).map(component -> values.get(component.getName())).toArray();
    try {
      return SearchParameters.class
          .getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new))
          .newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
