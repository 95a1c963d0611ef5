package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import sa.volunteering.matching.system.problem.ApiException;
import sa.volunteering.matching.system.problem.Problems;

class SearchParametersResolverTest {

  private static SearchParameters read(String query) {
    MultiValueMap<String, String> parameters =
        UriComponentsBuilder.fromUriString("/search?" + query).build().getQueryParams();
    return SearchParametersResolver.read(new LinkedMultiValueMap<>(parameters));
  }

  @Test
  void everyParameterIsReadWithItsType() {
    UUID organization = UUID.randomUUID();
    SearchParameters parameters =
        read(
            "q=first aid&city=jeddah&city=taif,riyadh&region=makkah&field=health&skill=a&skills=all"
                + "&mode=remote&from=2026-12-01&to=2027-01-31&lat=21.5&lon=39.2&radiusKm=25"
                + "&gender=female&age=30&organization="
                + organization
                + "&includeFull=yes&sort=nearest&page=2&size=20&limit=500&after=abc");
    assertThat(parameters)
        .isEqualTo(
            new SearchParameters(
                "first aid",
                List.of("jeddah", "taif,riyadh"),
                List.of("makkah"),
                List.of("health"),
                List.of("a"),
                "all",
                List.of("remote"),
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 1, 31),
                21.5,
                39.2,
                25.0,
                "female",
                30,
                organization,
                true,
                "nearest",
                2,
                20,
                500,
                "abc"));
  }

  @Test
  void noParametersAreNone() {
    assertThat(read("")).isEqualTo(SearchParameters.none());
  }

  @Test
  void anEmptyTypedValueIsNoValueAndAListWithoutValueIsOneEmptyValue() {
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    query.add("page", "");
    query.add("lat", " ");
    query.add("city", null);
    SearchParameters parameters = SearchParametersResolver.read(query);
    assertThat(parameters.page()).isNull();
    assertThat(parameters.lat()).isNull();
    assertThat(parameters.city()).containsExactly("");
  }

  @Test
  void valuesNotOfTheirTypeAreNamedTogetherInOneProblem() {
    assertThatThrownBy(() -> read("from=yesterday&page=two&organization=x&includeFull=maybe"))
        .isInstanceOfSatisfying(
            ApiException.class,
            problem -> {
              assertThat(problem.getStatusCode().value()).isEqualTo(400);
              assertThat(problem.getBody().getDetail()).isEqualTo("4 fields are invalid");
              assertThat(problem.getBody().getProperties())
                  .containsEntry(
                      "errors",
                      List.of(
                          Problems.FieldError.of(
                              "from", "typeMismatch", "is not a date (yyyy-mm-dd)"),
                          Problems.FieldError.of(
                              "organization", "typeMismatch", "is not an id (a UUID)"),
                          Problems.FieldError.of(
                              "includeFull", "typeMismatch", "is not true or false"),
                          Problems.FieldError.of(
                              "page", "typeMismatch", "is not a whole number within range")));
            });
  }

  @Test
  void oneWrongValueIsTheProblemsDetail() {
    assertThatThrownBy(() -> read("size=99999999999"))
        .isInstanceOfSatisfying(
            ApiException.class,
            problem ->
                assertThat(problem.getBody().getDetail())
                    .isEqualTo("size: is not a whole number within range"));
  }
}
