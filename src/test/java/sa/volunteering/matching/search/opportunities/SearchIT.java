package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import sa.volunteering.matching.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Search on the real node: each filter, facet and sort, the bilingual taxonomy, highlights, and the
 * limits.
 */
class SearchIT extends CorpusSearchTest {

  @Test
  void browsingShowsPublishedOpportunitiesWithSeatsLeftUnlessAskedForFullOnes() {
    Set<String> open = keys(expected(entry -> !entry.key().equals("full")));
    assertThat(keys(search())).isEqualTo(open);
    assertThat(search().body().path("total").asLong()).isEqualTo(open.size());
    Set<String> withFull = keys(search("includeFull", true));
    assertThat(withFull).containsAll(open).contains("full").doesNotContain(corpus.closedId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"riyadh", "الرياض", "Riyadh", "Ar Riyadh", "رياض", "الرياض ", "RIYADH"})
  void aCityIsItsCodeOrAnyOfItsNamesInEitherLanguage(String city) {
    assertThat(keys(search("city", city)))
        .isEqualTo(keys(expected(entry -> entry.city().equals("riyadh"))));
  }

  @Test
  void colloquialSpellingsOfACityFindIt() {
    assertThat(keys(search("city", "جده")))
        .isEqualTo(keys(expected(entry -> entry.city().equals("jeddah"))));
    assertThat(keys(search("city", "Jiddah")))
        .isEqualTo(keys(expected(entry -> entry.city().equals("jeddah"))));
    assertThat(keys(search("city", "مكه")))
        .isEqualTo(keys(expected(entry -> entry.city().equals("makkah"))));
    assertThat(keys(search("city", "Mecca,Madina")))
        .isEqualTo(keys(expected(entry -> Set.of("makkah", "madinah").contains(entry.city()))));
  }

  @Test
  void aSkillIsItsCodeOrItsNameInEitherLanguage() {
    Set<String> firstAid = keys(expected(entry -> entry.skills().contains("first_aid")));
    assertThat(firstAid).containsExactly("first-aid");
    for (String skill : List.of("first_aid", "First aid", "الإسعافات الأولية", "اسعافات اوليه")) {
      assertThat(keys(search("skill", skill))).as(skill).isEqualTo(firstAid);
    }
  }

  @Test
  void skillsMatchAnyByDefaultOrAllOnRequest() {
    assertThat(keys(search("skill", "evacuation", "skill", "recycling")))
        .containsExactlyInAnyOrder("civil-defense", "beach");
    assertThat(keys(search("skill", "evacuation,civil_defense", "skills", "all")))
        .containsExactly("civil-defense");
    assertThat(keys(search("skill", "evacuation,recycling", "skills", "all"))).isEmpty();
  }

  @Test
  void aFieldIsItsCodeOrItsNameInEitherLanguage() {
    Set<String> environment = keys(expected(entry -> entry.field().equals("environment")));
    assertThat(environment).containsExactlyInAnyOrder("trees", "beach");
    for (String field : List.of("environment", "Environment", "البيئة", "بيئي")) {
      assertThat(keys(search("field", field))).as(field).isEqualTo(environment);
    }
  }

  @Test
  void modeRegionAndOrganizationFilter() {
    assertThat(keys(search("mode", "remote")))
        .containsExactlyInAnyOrder("translation", "design", "website");
    assertThat(keys(search("mode", "remote,hybrid")))
        .containsExactlyInAnyOrder("translation", "design", "website", "mobile", "cyber");
    assertThat(keys(search("region", "SA-04")))
        .isEqualTo(keys(expected(entry -> Set.of("dammam", "khobar").contains(entry.city()))));
    assertThat(keys(search("region", "Eastern Province")))
        .isEqualTo(keys(search("region", "SA-04")));
  }

  @Test
  void aDateWindowKeepsWhatRunsInsideIt() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate from = today.plusDays(10);
    LocalDate to = today.plusDays(12);
    Set<String> expected =
        keys(
            expected(
                entry -> {
                  Instant start = SearchCorpus.start(entry);
                  Instant end = start.plus(2, ChronoUnit.DAYS);
                  return !end.isBefore(from.atStartOfDay().toInstant(ZoneOffset.UTC))
                      && start.isBefore(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
                }));
    assertThat(expected).isNotEmpty().hasSizeLessThan(8);
    assertThat(keys(search("from", from, "to", to))).isEqualTo(expected);
  }

  @Test
  void nearAPointWithinARadius() {
    double[] jeddah = SearchCorpus.Cities.POINTS.get("jeddah");
    Set<String> expected =
        keys(
            expected(
                entry -> {
                  double[] point = SearchCorpus.Cities.POINTS.get(entry.city());
                  return GreatCircle.km(jeddah[0], jeddah[1], point[0], point[1]) <= 100;
                }));
    assertThat(expected).contains("beach", "hajj-crowds").doesNotContain("trees", "baskets");
    assertThat(keys(search("lat", jeddah[0], "lon", jeddah[1], "radiusKm", 100)))
        .isEqualTo(expected);
  }

  @Test
  void eligibilityByGenderAndAge() {
    assertThat(keys(search("gender", "male"))).doesNotContain("women-health").contains("blood");
    assertThat(keys(search("gender", "female"))).contains("women-health", "blood");
    assertThat(keys(search("age", 17))).doesNotContain("blood").contains("first-aid");
    assertThat(keys(search("age", 30))).contains("blood");
    assertThat(keys(search("age", 65))).doesNotContain("blood");
  }

  @Test
  void sortsBySoonestNewestAndNearest() {
    List<String> soonest = keysInOrder(search("sort", "soonest", "size", 100));
    List<String> bySoonest =
        expected(entry -> !entry.key().equals("full")).stream()
            .sorted(Comparator.comparingInt(SearchCorpus.Entry::days))
            .map(SearchCorpus.Entry::key)
            .toList();
    assertThat(soonest).isEqualTo(bySoonest);

    List<String> newest = keysInOrder(search("sort", "newest", "size", 100));
    List<String> published =
        new ArrayList<>(
            expected(entry -> !entry.key().equals("full")).stream()
                .map(SearchCorpus.Entry::key)
                .toList());
    java.util.Collections.reverse(published);
    assertThat(newest).as("published one after the other, newest first").isEqualTo(published);
    assertThat(keysInOrder(search("size", 100)))
        .as("browsing without text sorts by newest")
        .isEqualTo(published);

    double[] abha = SearchCorpus.Cities.POINTS.get("abha");
    Api.Response nearest = search("sort", "nearest", "lat", abha[0], "lon", abha[1], "size", 100);
    List<Double> distances = new ArrayList<>();
    nearest.body().path("items").forEach(item -> distances.add(item.path("distanceKm").asDouble()));
    assertThat(distances).isSorted();
    assertThat(keysInOrder(nearest).subList(0, 2))
        .containsExactlyInAnyOrder("sign-language", "literacy");
    assertThat(distances.get(0)).isLessThan(1.0);
  }

  @Test
  void relevanceIsTheDefaultWithTextAndScoresDescend() {
    Api.Response response = search("q", "الحجاج");
    List<Double> scores = new ArrayList<>();
    response.body().path("items").forEach(item -> scores.add(item.path("score").asDouble()));
    assertThat(scores).isNotEmpty().isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(keysInOrder(response)).contains("pilgrims", "water");
  }

  @Test
  void pagesFollowEachOtherWithoutOverlap() {
    List<String> all = keysInOrder(search("sort", "soonest", "size", 100));
    List<String> paged = new ArrayList<>();
    for (int page = 0; page * 5 < all.size(); page++) {
      Api.Response response = search("sort", "soonest", "size", 5, "page", page);
      assertThat(response.body().path("page").asInt()).isEqualTo(page);
      assertThat(response.body().path("total").asLong()).isEqualTo(all.size());
      paged.addAll(keysInOrder(response));
    }
    assertThat(paged).isEqualTo(all);
  }

  @Test
  void facetsCountTheirAlternativesAndAreLabelledInTheAskedLanguage() {
    Api.Response response = search(english(), "city", "riyadh");
    JsonNode facets = response.body().path("facets");
    Map<String, Long> cities = counts(facets.path("city"));
    assertThat(cities)
        .as("the city facet ignores the city filter, so that other cities can be offered")
        .isEqualTo(countBy(expected(entry -> true), SearchCorpus.Entry::city));
    Map<String, Long> fields = counts(facets.path("field"));
    assertThat(fields)
        .isEqualTo(
            countBy(expected(entry -> entry.city().equals("riyadh")), SearchCorpus.Entry::field));
    Map<String, Long> modes = counts(facets.path("mode"));
    assertThat(modes)
        .isEqualTo(
            countBy(expected(entry -> entry.city().equals("riyadh")), SearchCorpus.Entry::mode));
    Map<String, Long> skills = counts(facets.path("skill"));
    assertThat(skills)
        .containsEntry("first_aid", 1L)
        .containsEntry("cpr", 1L)
        .doesNotContainKey("recycling");

    JsonNode riyadh = bucket(facets.path("city"), "riyadh");
    assertThat(riyadh.path("label").asString()).isEqualTo("Riyadh");
    assertThat(riyadh.path("selected").asBoolean()).isTrue();
    assertThat(bucket(facets.path("city"), "jeddah").path("selected").asBoolean()).isFalse();
    assertThat(bucket(facets.path("field"), "health").path("label").asString()).isEqualTo("Health");
    assertThat(bucket(facets.path("mode"), "on_site").path("label").asString())
        .isEqualTo("On site");

    JsonNode arabic = search(arabic(), "city", "riyadh").body().path("facets");
    assertThat(bucket(arabic.path("city"), "riyadh").path("label").asString()).isEqualTo("الرياض");
    assertThat(bucket(arabic.path("mode"), "on_site").path("label").asString()).isEqualTo("حضوري");
    JsonNode hit = search(english(), "city", "riyadh").body().path("items").get(0);
    assertThat(hit.path("city").path("label").asString()).isEqualTo("Riyadh");
  }

  @Test
  void highlightsCoverWholeSurfaceWordsWithTheirDiacritics() {
    JsonNode title = highlight(search("q", "اسعافات اولية"), "first-aid", "title");
    String text = title.path("text").asString();
    assertThat(text).startsWith("الإسْعافات الأوّلية في ملتقى الشباب");
    assertThat(spans(title))
        .extracting(span -> text.substring(span[0], span[1]))
        .containsExactly("الإسْعافات", "الأوّلية");

    JsonNode english = highlight(search("q", "first aid"), "first-aid", "title");
    String englishText = english.path("text").asString();
    assertThat(spans(english))
        .extracting(span -> englishText.substring(span[0], span[1]))
        .containsExactly("First", "aid");

    JsonNode description = highlight(search("q", "المتبرعين"), "blood", "description");
    String fragment = description.path("text").asString();
    assertThat(spans(description))
        .extracting(span -> fragment.substring(span[0], span[1]))
        .contains("المتبرعين");
  }

  @Test
  void anExactArabicMatchRanksAboveTypoMatches() {
    List<String> hits = keysInOrder(search("q", "تنظيف"));
    assertThat(hits).contains("beach", "mosque-care");
    int lastExact = Math.max(hits.indexOf("beach"), hits.indexOf("mosque-care"));
    for (String typo : List.of("hajj-crowds", "dates-festival")) {
      if (hits.contains(typo)) {
        assertThat(hits.indexOf(typo))
            .as(typo + " (تنظيم, one letter away) ranks below every exact match")
            .isGreaterThan(lastExact);
      }
    }
    assertThat(keysInOrder(search("q", "coordinaton")))
        .as("a typo in a long English word")
        .first()
        .isEqualTo("coordinator");
    assertThat(keys(search("q", "ترجمه"))).contains("translation");
  }

  @Test
  void userTextIsNeverQuerySyntax() {
    for (String q :
        List.of(
            "title:الإسعافات OR *",
            "/.*/",
            "first AND aid",
            "\"unbalanced",
            "a\\",
            "(((",
            "*",
            "?",
            "first~2 aid^10",
            "{\"match_all\":{}}",
            "<em>x</em>")) {
      Api.Response response = search("q", q);
      assertThat(response.status()).as(q + " → " + response).isEqualTo(200);
    }
    assertThat(search("q", "*").body().path("total").asLong()).as("a star is no wildcard").isZero();
    assertThat(keysInOrder(search("q", "first AND aid")).get(0))
        .as("AND is a word like any other")
        .isEqualTo("first-aid");
  }

  @Test
  void limitsAnswer400NamingTheParameter() {
    assertInvalid(search("size", 101), "size");
    assertInvalid(search("size", 0), "size");
    assertInvalid(search("page", -1), "page");
    assertInvalid(search("page", 100, "size", 100), "page");
    assertThat(search("page", 99, "size", 100).status()).isEqualTo(200);
    assertInvalid(search("q", "ت".repeat(201)), "q");
    assertThat(search("q", "ت".repeat(200)).status()).isEqualTo(200);
    assertInvalid(search("city", "atlantis"), "city[0]");
    assertInvalid(search("field", "juggling"), "field[0]");
    assertInvalid(search("skill", "first_aid,flying"), "skill[1]");
    assertInvalid(search("mode", "teleport"), "mode[0]");
    assertInvalid(
        search("city", String.join(",", java.util.Collections.nCopies(21, "riyadh"))), "city");
    assertInvalid(search("lat", 24.7), "lon");
    assertInvalid(search("lat", 124.7, "lon", 46), "lat");
    assertInvalid(search("radiusKm", 10), "radiusKm");
    assertInvalid(search("lat", 24.7, "lon", 46.6, "radiusKm", 5000), "radiusKm");
    assertInvalid(search("sort", "nearest"), "sort");
    assertInvalid(search("sort", "cheapest"), "sort");
    assertInvalid(search("from", "2026-12-10", "to", "2026-12-01"), "to");
    assertInvalid(search("from", "tomorrow"), "from");
    assertInvalid(search("lat", "north"), "lat");
    assertInvalid(search("gender", "other"), "gender");
    assertInvalid(search("age", 300), "age");
    assertInvalid(search("skills", "some"), "skills");
  }

  private void assertInvalid(Api.Response response, String parameter) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.headers().getContentType()).hasToString("application/problem+json");
    assertThat(response.body().path("type").asString()).isNotBlank();
    List<String> fields = new ArrayList<>();
    response.body().path("errors").forEach(error -> fields.add(error.path("field").asString()));
    assertThat(fields).as(response.toString()).contains(parameter);
  }

  Api.Response search(Object... parameters) {
    return search(new HttpHeaders(), parameters);
  }

  /**
   * A search of the corpus's organization, all of it on one page unless the parameters say
   * otherwise.
   */
  Api.Response search(HttpHeaders headers, Object... parameters) {
    Object[] all = new Object[parameters.length + 4];
    System.arraycopy(parameters, 0, all, 0, parameters.length);
    all[parameters.length] = "organization";
    all[parameters.length + 1] = corpus.organization;
    all[parameters.length + 2] = "size";
    all[parameters.length + 3] = java.util.Arrays.asList(parameters).contains("size") ? null : 100;
    Api.Response response = api.getEncoded(Api.query("/api/opportunities/search", all), headers);
    return response;
  }

  static HttpHeaders english() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9");
    return headers;
  }

  static HttpHeaders arabic() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "ar-SA");
    return headers;
  }

  private List<SearchCorpus.Entry> expected(Predicate<SearchCorpus.Entry> filter) {
    return SearchCorpus.ENTRIES.stream()
        .filter(entry -> !entry.key().equals("full"))
        .filter(filter)
        .toList();
  }

  private static Set<String> keys(List<SearchCorpus.Entry> entries) {
    return entries.stream().map(SearchCorpus.Entry::key).collect(Collectors.toSet());
  }

  private Set<String> keys(Api.Response response) {
    return Set.copyOf(keysInOrder(response));
  }

  List<String> keysInOrder(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    response.body().path("items").forEach(item -> keys.add(corpus.key(item.path("id").asString())));
    return keys;
  }

  private static Map<String, Long> counts(JsonNode facet) {
    Map<String, Long> counts = new HashMap<>();
    facet.forEach(
        bucket -> counts.put(bucket.path("code").asString(), bucket.path("count").asLong()));
    return counts;
  }

  private static Map<String, Long> countBy(
      List<SearchCorpus.Entry> entries,
      java.util.function.Function<SearchCorpus.Entry, String> key) {
    return entries.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  private static JsonNode bucket(JsonNode facet, String code) {
    for (JsonNode bucket : facet) {
      if (bucket.path("code").asString().equals(code)) {
        return bucket;
      }
    }
    throw new AssertionError("no bucket " + code + " in " + facet);
  }

  private JsonNode highlight(Api.Response response, String key, String field) {
    for (JsonNode item : response.body().path("items")) {
      if (item.path("id").asString().equals(corpus.id(key))) {
        JsonNode fragments = item.path("highlights").path(field);
        assertThat(fragments.isArray() && !fragments.isEmpty())
            .as(field + " highlighted in " + item)
            .isTrue();
        return fragments.get(0);
      }
    }
    throw new AssertionError(key + " not found in " + response);
  }

  private static List<int[]> spans(JsonNode highlight) {
    List<int[]> spans = new ArrayList<>();
    highlight
        .path("matches")
        .forEach(
            match -> spans.add(new int[] {match.path("start").asInt(), match.path("end").asInt()}));
    return spans;
  }
}
