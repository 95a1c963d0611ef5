package sa.volunteering.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Explanations;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matching model on the real node, one signal at a time: documents are written straight to the
 * indexes so that each differs from a baseline in exactly one field.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired MatchingProperties properties;

  @Autowired MatchScorer scorer;

  Api api;
  MatchDocuments documents;
  final String organization = UUID.randomUUID().toString();
  final Map<String, Object> volunteer =
      MatchDocuments.with(
          MatchDocuments.volunteer(),
          "availability",
          Map.of(
              "gte",
              LocalDate.now().plusDays(3).toString(),
              "lte",
              LocalDate.now().plusDays(30).toString()));
  final Map<String, String> opportunities = new HashMap<>();

  /** The volunteer, with verified hours in the base opportunity's field and organization. */
  final Map<String, Object> veteran =
      MatchDocuments.with(
          volunteer,
          "id",
          UUID.randomUUID().toString(),
          "served_fields",
          List.of("health"),
          "served_organizations",
          List.of(organization));

  @BeforeAll
  void writeDocuments() {
    api = new Api(port);
    documents = new MatchDocuments(elasticsearch);
    Map<String, Object> base = MatchDocuments.opportunity(organization);
    Instant now = Instant.now();
    Map<String, Map<String, Object>> variants = new java.util.LinkedHashMap<>();
    variants.put("base", base);
    variants.put("far", MatchDocuments.with(base, "location", MatchDocuments.eastOfRiyadh(60)));
    variants.put(
        "far-remote",
        MatchDocuments.with(base, "location", MatchDocuments.eastOfRiyadh(600), "mode", "remote"));
    variants.put("men-only", MatchDocuments.with(base, "gender", "male"));
    variants.put("women-only", MatchDocuments.with(base, "gender", "female"));
    variants.put("over-40", MatchDocuments.with(base, "min_age", 40));
    variants.put("under-20", MatchDocuments.with(base, "max_age", 20));
    variants.put("18-to-60", MatchDocuments.with(base, "min_age", 18, "max_age", 60));
    variants.put(
        "after-availability",
        MatchDocuments.with(
            base,
            "starts_at",
            now.plus(40, ChronoUnit.DAYS).toString(),
            "ends_at",
            now.plus(41, ChronoUnit.DAYS).toString()));
    variants.put(
        "before-availability",
        MatchDocuments.with(
            base,
            "starts_at",
            now.minus(1, ChronoUnit.DAYS).toString(),
            "ends_at",
            now.plus(1, ChronoUnit.DAYS).toString()));
    variants.put("full", MatchDocuments.with(base, "seats_left", 0, "capacity_left", 0.0));
    variants.put("closed", MatchDocuments.with(base, "status", "closed"));
    variants.put("other-field", MatchDocuments.with(base, "field_code", "media"));
    variants.put("other-city", MatchDocuments.with(base, "city_code", "diriyah"));
    variants.put(
        "half-related",
        MatchDocuments.with(
            base,
            "skill_codes",
            List.of("first_aid", "nursing"),
            "required_skills",
            List.of(
                Map.of("code", "first_aid", "weight", 1.0, "share", 0.5),
                Map.of("code", "nursing", "weight", 1.0, "share", 0.5))));
    variants.put(
        "related-only",
        MatchDocuments.with(
            base,
            "skill_codes",
            List.of("paramedic"),
            "required_skills",
            List.of(Map.of("code", "paramedic", "weight", 1.0, "share", 1.0))));
    variants.put(
        "unrelated",
        MatchDocuments.with(
            base,
            "skill_codes",
            List.of("carpentry"),
            "required_skills",
            List.of(Map.of("code", "carpentry", "weight", 1.0, "share", 1.0))));
    variants.put("arabic-only", MatchDocuments.with(base, "languages", List.of("ar")));
    variants.put("nearly-full", MatchDocuments.with(base, "seats_left", 2, "capacity_left", 0.2));
    variants.put(
        "two-weeks-old",
        MatchDocuments.with(base, "published_at", now.minus(14, ChronoUnit.DAYS).toString()));
    variants.put(
        "half-distance",
        MatchDocuments.with(
            base, "location", MatchDocuments.eastOfRiyadh(properties.distanceHalfKm())));
    Instant start = Instant.parse((String) base.get("starts_at"));
    variants.put(
        "starts-two-weeks-later",
        MatchDocuments.with(
            base,
            "starts_at",
            start.plus(14, ChronoUnit.DAYS).toString(),
            "ends_at",
            start.plus(16, ChronoUnit.DAYS).toString()));
    variants.put(
        "started",
        MatchDocuments.with(
            base,
            "starts_at",
            now.minus(2, ChronoUnit.HOURS).toString(),
            "ends_at",
            now.plus(10, ChronoUnit.DAYS).toString()));
    variants.put(
        "unverified",
        MatchDocuments.with(
            base,
            "organization",
            Map.of("id", organization, "name", "جمعية الاختبار\nTest society", "verified", false)));
    variants.forEach((key, document) -> opportunities.put(key, (String) document.get("id")));
    documents.write(MatchDocuments.OPPORTUNITIES, List.copyOf(variants.values()));
    documents.write(MatchDocuments.VOLUNTEERS, List.of(volunteer, veteran));
  }

  @AfterAll
  void removeDocuments() {
    documents.removeAll();
  }

  @Test
  void hardConstraintsExcludeWhatTheyShould() {
    Set<String> found = matches(volunteer).keySet();
    assertThat(found)
        .contains("base", "far-remote", "women-only", "18-to-60")
        .doesNotContain(
            "far",
            "men-only",
            "over-40",
            "under-20",
            "after-availability",
            "before-availability",
            "full",
            "closed");

    Map<String, Object> stayAtHome =
        MatchDocuments.with(volunteer, "remote_ok", false, "gender", "male", "travel_km", 100);
    documents.write(MatchDocuments.VOLUNTEERS, List.of(stayAtHome));
    Set<String> forThem =
        keys(
            get(
                "/api/volunteers/" + stayAtHome.get("id") + "/matches",
                Tokens.volunteer(id(stayAtHome))));
    assertThat(forThem)
        .contains("base", "far", "men-only")
        .doesNotContain("far-remote", "women-only");
  }

  @Test
  void eachComponentMovesAResultByItsWeight() {
    Map<String, Double> scores = matches(volunteer);
    MatchingProperties.Weights weights = properties.weights();
    assertThat(scores.get("base") - scores.get("other-field"))
        .isCloseTo(weights.field(), within(0.01));
    assertThat(scores.get("base") - scores.get("other-city"))
        .isCloseTo(weights.city(), within(0.01));
    assertThat(scores.get("base") - scores.get("unrelated"))
        .isCloseTo(weights.skills(), within(0.01));
    assertThat(scores.get("base") - scores.get("related-only"))
        .isCloseTo(weights.skills() * (1 - weights.relatedSkillCredit()), within(0.01));
    assertThat(scores.get("base") - scores.get("half-related"))
        .isCloseTo(weights.skills() * 0.5 * (1 - weights.relatedSkillCredit()), within(0.01));
    assertThat(scores.get("base") - scores.get("arabic-only"))
        .isCloseTo(weights.language(), within(0.01));
    assertThat(scores.get("base") - scores.get("nearly-full"))
        .isCloseTo(weights.capacity() * 0.8, within(0.01));
    assertThat(scores.get("base") - scores.get("two-weeks-old"))
        .as("published a scale ago keeps half its freshness")
        .isCloseTo(weights.freshness() * 0.5, within(0.01));
    assertThat(scores.get("base") - scores.get("half-distance"))
        .as("distance-half-km away keeps half its distance credit")
        .isCloseTo(weights.distance() * 0.5, within(0.01));
    assertThat(scores.get("far-remote"))
        .as("remote work earns the whole distance credit")
        .isCloseTo(scores.get("base"), within(0.01));
    double soon = urgency(7);
    assertThat(scores.get("base") - scores.get("starts-two-weeks-later"))
        .as("starting in a week earns %s of the urgency, in three weeks %s", soon, urgency(21))
        .isCloseTo(weights.urgency() * (soon - urgency(21)), within(0.01));
    assertThat(scores.get("base") - scores.get("started"))
        .as("an opportunity under way earns no urgency")
        .isCloseTo(weights.urgency() * soon, within(0.01));
    assertThat(scores.get("base") - scores.get("unverified"))
        .isCloseTo(weights.verified(), within(0.01));
    List<String> order = new ArrayList<>(scores.keySet());
    assertThat(order.indexOf("base")).isLessThan(order.indexOf("other-field"));
  }

  @Test
  void fieldsAndOrganizationsOfVerifiedHoursMoveAMatchByTheirWeights() {
    Map<String, Double> newcomer = matches(volunteer);
    Map<String, Double> served = matches(veteran);
    MatchingProperties.Weights weights = properties.weights();
    assertThat(served.get("base") - newcomer.get("base"))
        .as("the field and the organization of their verified hours")
        .isCloseTo(weights.pastField() + weights.pastOrganization(), within(0.01));
    assertThat(served.get("other-field") - newcomer.get("other-field"))
        .as("the organization of their verified hours, in another field")
        .isCloseTo(weights.pastOrganization(), within(0.01));
    JsonNode base = explanation(veteran, "base");
    assertThat(value(base, "past_field")).isEqualTo(1.0);
    assertThat(value(base, "past_organization")).isEqualTo(1.0);
    assertThat(value(explanation(veteran, "other-field"), "past_field")).isZero();
    assertThat(value(explanation("base"), "past_organization")).isZero();
  }

  @Test
  void aDayTheVolunteerIsFreeMovesAMatchByItsWeight() throws Exception {
    Map<String, Object> base = source(MatchDocuments.OPPORTUNITIES, opportunities.get("base"));
    List<?> days = (List<?>) base.get("weekdays");
    assertThat(days).as("the base runs three days").hasSize(3);
    Map<String, Object> free = MatchDocuments.with(volunteer, "weekdays", List.of(days.get(1)));
    Map<String, Object> busy =
        MatchDocuments.with(volunteer, "weekdays", List.of(MatchDocuments.dayOff(base)));
    Map<String, Object> unsaid = MatchDocuments.with(volunteer, "weekdays", List.of());
    documents.write(MatchDocuments.VOLUNTEERS, List.of(free, busy, unsaid));

    assertThat(matches(free).get("base") - matches(busy).get("base"))
        .isCloseTo(properties.weights().weekdays(), within(0.01));
    assertThat(matches(unsaid).get("base"))
        .as("who named no days is free any day")
        .isCloseTo(matches(free).get("base"), within(0.01));
    assertThat(value(explanation(free, "base"), "weekdays")).isEqualTo(1.0);
    assertThat(value(explanation(busy, "base"), "weekdays")).isZero();
  }

  /** The urgency curve's value for a start this many days ahead (about: starts are on the hour). */
  private double urgency(double days) {
    return properties.urgencyHalfDays() / (properties.urgencyHalfDays() + days);
  }

  /**
   * Live matches are scored in Java, without Elasticsearch: for a volunteer with a place and one
   * without (who is matched in their own city only), Java's rules and the query agree on every
   * opportunity, on whether it qualifies and on its score.
   */
  @Test
  void liveScoringAgreesWithTheQueryPairByPair() throws Exception {
    Map<String, Object> placeless = MatchDocuments.with(volunteer, "location", null);
    documents.write(MatchDocuments.VOLUNTEERS, List.of(placeless));
    Map<String, Object> busy =
        MatchDocuments.with(
            volunteer,
            "weekdays",
            List.of(
                MatchDocuments.dayOff(
                    source(MatchDocuments.OPPORTUNITIES, opportunities.get("base")))));
    documents.write(MatchDocuments.VOLUNTEERS, List.of(busy));
    for (Map<String, Object> who : List.of(volunteer, placeless, veteran, busy)) {
      Map<String, Double> scores = matches(who);
      Map<String, Object> stored = source(MatchDocuments.VOLUNTEERS, who.get("id"));
      assertThat(stored)
          .as("the tokens ranking derives are indexed, not stored")
          .doesNotContainKeys("reach_cells", "experience_as_date", "track_record_as_date");
      VolunteerDoc person = VolunteerDoc.of(stored);
      Instant now = Instant.now();
      for (Map.Entry<String, String> opportunity : opportunities.entrySet()) {
        Map<String, Object> placed = source(MatchDocuments.OPPORTUNITIES, opportunity.getValue());
        assertThat(placed).doesNotContainKeys("capacity_as_date", "skill_share_steps");
        OpportunityDoc place = OpportunityDoc.of(placed);
        String why = scorer.ineligible(person, place, now);
        String pair =
            (who == volunteer ? "placed" : who == veteran ? "veteran" : "placeless")
                + " / "
                + opportunity.getKey();
        if (scores.containsKey(opportunity.getKey())) {
          assertThat(why).as(pair).isNull();
          assertThat(scorer.explain(person, place, Direction.OPPORTUNITIES, now).score())
              .as(pair)
              .isCloseTo(scores.get(opportunity.getKey()), within(0.01));
        } else {
          assertThat(why).as(pair).isNotNull();
        }
      }
      if (who == placeless) {
        assertThat(scores).containsKeys("base", "far-remote").doesNotContainKey("other-city");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> source(String index, Object id) throws Exception {
    return (Map<String, Object>)
        java.util.Objects.requireNonNull(
            elasticsearch.get(g -> g.index(index).id(String.valueOf(id)), Map.class).source());
  }

  @Test
  void explanationsMatchTheDocumentsAndAddUpToTheScore() {
    JsonNode items =
        get(
                "/api/volunteers/"
                    + volunteer.get("id")
                    + "/matches?size=100&organization="
                    + organization,
                Tokens.volunteer(id(volunteer)))
            .body()
            .path("items");
    assertThat(items.size()).isGreaterThan(10);
    for (JsonNode item : items) {
      JsonNode explanation = item.path("explanation");
      double points = 0;
      double shares = 0;
      for (JsonNode component : explanation.path("components")) {
        points += component.path("points").asDouble();
        shares += component.path("share").asDouble();
        assertThat(component.path("points").asDouble())
            .isCloseTo(
                component.path("value").asDouble() * component.path("weight").asDouble(),
                within(0.001));
      }
      assertThat(points)
          .as(item.toString())
          .isCloseTo(item.path("score").asDouble(), within(0.001));
      assertThat(shares).isCloseTo(1.0, within(0.01));
    }
    JsonNode half = explanation("half-related");
    assertThat(strings(half.path("matchedSkills"))).containsExactly("first_aid");
    assertThat(strings(half.path("relatedSkills"))).containsExactly("nursing");
    assertThat(strings(explanation("unrelated").path("missingSkills")))
        .containsExactly("carpentry");
    assertThat(explanation("half-distance").path("distanceKm").asDouble())
        .isCloseTo(properties.distanceHalfKm(), within(0.5));
    assertThat(explanation("far-remote").path("distanceKm").isNull()).isTrue();
    assertThat(explanation("other-field").path("fieldMatch").asBoolean()).isFalse();
    assertThat(explanation("base").path("fieldMatch").asBoolean()).isTrue();
    assertThat(explanation("other-city").path("sameCity").asBoolean()).isFalse();
    assertThat(explanation("arabic-only").path("sharedLanguage").asBoolean()).isFalse();
    assertThat(value(explanation("base"), "urgency")).isCloseTo(urgency(7), within(0.01));
    assertThat(value(explanation("started"), "urgency")).isZero();
    assertThat(value(explanation("base"), "verified")).isEqualTo(1.0);
    assertThat(value(explanation("unverified"), "verified")).isZero();
  }

  /** The value of the explanation's line for the component. */
  private static double value(JsonNode explanation, String component) {
    return Explanations.value(explanation, component);
  }

  @Test
  void textRefinesTheMatchesAndShowsAsItsOwnComponent() {
    JsonNode items =
        get(
                "/api/volunteers/"
                    + volunteer.get("id")
                    + "/matches?size=100&q="
                    + java.net.URLEncoder.encode("اسعافات", java.nio.charset.StandardCharsets.UTF_8)
                    + "&organization="
                    + organization,
                Tokens.volunteer(id(volunteer)))
            .body()
            .path("items");
    assertThat(items.size()).isPositive();
    List<String> names = new ArrayList<>();
    items
        .get(0)
        .path("explanation")
        .path("components")
        .forEach(component -> names.add(component.path("name").asString()));
    assertThat(names).contains("text", "skills");
    assertThat(
            get(
                    "/api/volunteers/" + volunteer.get("id") + "/matches?sort=newest",
                    Tokens.volunteer(id(volunteer)))
                .status())
        .isEqualTo(400);
  }

  @Test
  void aStreamCarriesEveryMatchBestFirst() {
    Api.Response response =
        api.getEncoded(
            "/api/volunteers/"
                + volunteer.get("id")
                + "/matches/stream?organization="
                + organization,
            bearer(Tokens.volunteer(id(volunteer)), "application/x-ndjson"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<JsonNode> lines =
        response
            .text()
            .lines()
            .map(JSON::readTree)
            .filter(line -> line.path("type").asString().equals("hit"))
            .toList();
    assertThat(lines).hasSize(matches(volunteer).size());
    List<Double> scores =
        lines.stream().map(line -> line.path("hit").path("score").asDouble()).toList();
    assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void onlyTheVolunteerAndAdminsSeeTheirMatches() {
    String path =
        "/api/volunteers/" + volunteer.get("id") + "/matches?organization=" + organization;
    assertThat(get(path, null).status()).isEqualTo(401);
    assertThat(get(path, Tokens.volunteer(UUID.randomUUID())).status()).isEqualTo(403);
    assertThat(get(path, Tokens.member(UUID.randomUUID())).status()).isEqualTo(403);
    assertThat(get(path, Tokens.admin()).status()).isEqualTo(200);
    assertThat(get("/api/volunteers/" + UUID.randomUUID() + "/matches", Tokens.admin()).status())
        .isEqualTo(404);
  }

  /** The volunteer's matches among the test's opportunities, by key, with their scores. */
  private Map<String, Double> matches(Map<String, Object> who) {
    Api.Response response =
        get(
            "/api/volunteers/" + who.get("id") + "/matches?size=100&organization=" + organization,
            Tokens.volunteer(id(who)));
    Map<String, Double> scores = new java.util.LinkedHashMap<>();
    response
        .body()
        .path("items")
        .forEach(
            item ->
                scores.put(
                    key(item.path("opportunity").path("id").asString()),
                    item.path("score").asDouble()));
    return scores;
  }

  private JsonNode explanation(String key) {
    return explanation(volunteer, key);
  }

  private JsonNode explanation(Map<String, Object> who, String key) {
    JsonNode items =
        get(
                "/api/volunteers/"
                    + who.get("id")
                    + "/matches?size=100&organization="
                    + organization,
                Tokens.volunteer(id(who)))
            .body()
            .path("items");
    for (JsonNode item : items) {
      if (item.path("opportunity").path("id").asString().equals(opportunities.get(key))) {
        return item.path("explanation");
      }
    }
    throw new AssertionError(key + " not among the matches");
  }

  private Set<String> keys(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    Set<String> keys = new java.util.HashSet<>();
    response
        .body()
        .path("items")
        .forEach(item -> keys.add(key(item.path("opportunity").path("id").asString())));
    return keys;
  }

  private String key(String id) {
    return opportunities.entrySet().stream()
        .filter(entry -> entry.getValue().equals(id))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(id);
  }

  private Api.Response get(String path, @org.jspecify.annotations.Nullable String token) {
    String separator = path.contains("?") ? "&" : "?";
    return api.getEncoded(
        path.contains("organization=")
                || path.contains("/matches?sort")
                || !path.contains("/matches")
            ? path
            : path + separator + "size=100&organization=" + organization,
        bearer(token, "application/json"));
  }

  static HttpHeaders bearer(@org.jspecify.annotations.Nullable String token, String accept) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    headers.set(HttpHeaders.ACCEPT, accept);
    return headers;
  }

  private static UUID id(Map<String, Object> document) {
    return UUID.fromString((String) document.get("id"));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }
}
