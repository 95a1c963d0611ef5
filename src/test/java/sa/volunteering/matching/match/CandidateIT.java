package sa.volunteering.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import sa.volunteering.matching.indexing.OutboxIndexer;
import sa.volunteering.matching.indexing.ReachCells;
import sa.volunteering.matching.indexing.Rotation;
import sa.volunteering.matching.indexing.TrackRecord;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Explanations;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidates for an opportunity: hard constraints, components, masked cards, the applied flag, who
 * may ask.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> CARD_FIELDS =
      Set.of(
          "volunteerId",
          "city",
          "skills",
          "fields",
          "languages",
          "verifiedHours",
          "distanceKm",
          "applied",
          "score",
          "explanation");

  @LocalServerPort int port;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired OutboxIndexer indexer;

  @Autowired MatchingProperties properties;

  @Autowired MatchQueries queries;

  Api api;
  MatchDocuments documents;
  final UUID organization = UUID.randomUUID();
  final Map<String, Object> opportunity =
      MatchDocuments.with(
          MatchDocuments.opportunity(organization.toString()),
          "gender",
          "female",
          "min_age",
          18,
          "max_age",
          60);
  final Map<String, Object> remote = MatchDocuments.with(opportunity, "mode", "remote");
  final Map<String, String> volunteers = new LinkedHashMap<>();

  @BeforeAll
  void writeDocuments() {
    api = new Api(port);
    documents = new MatchDocuments(elasticsearch);
    Map<String, Object> base = MatchDocuments.volunteer();
    Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
    variants.put("base", base);
    variants.put("man", MatchDocuments.with(base, "gender", "male"));
    variants.put(
        "seventy", MatchDocuments.with(base, "birth_year", LocalDate.now().getYear() - 70));
    variants.put(
        "away-that-week",
        MatchDocuments.with(
            base,
            "availability",
            Map.of(
                "gte", LocalDate.now().toString(), "lte", LocalDate.now().plusDays(2).toString())));
    variants.put("far", MatchDocuments.with(base, "location", MatchDocuments.eastOfRiyadh(50)));
    variants.put(
        "far-but-travels",
        MatchDocuments.with(base, "location", MatchDocuments.eastOfRiyadh(50), "travel_km", 100));
    variants.put("inactive", MatchDocuments.with(base, "active", false));
    variants.put("no-remote", MatchDocuments.with(base, "remote_ok", false));
    variants.put("other-field", MatchDocuments.with(base, "field_codes", List.of("media")));
    variants.put(
        "experienced", MatchDocuments.with(base, "verified_hours", 100.0, "experience", 0.8));
    variants.put("related-skill", MatchDocuments.with(base, "skill_codes", List.of("cpr")));
    variants.put("no-skill", MatchDocuments.with(base, "skill_codes", List.of("carpentry")));
    variants.put("reliable", MatchDocuments.with(base, "track_record", TrackRecord.of(5, 0)));
    variants.put("lapsing", MatchDocuments.with(base, "track_record", TrackRecord.of(0, 2)));
    variants.put("served-the-field", MatchDocuments.with(base, "served_fields", List.of("health")));
    variants.put(
        "served-the-organization",
        MatchDocuments.with(base, "served_organizations", List.of(organization.toString())));
    variants.put(
        "quiet-a-season",
        MatchDocuments.with(
            base,
            "last_active_at",
            Instant.now()
                .minus(Duration.ofDays(Math.round(properties.activityHalfDays())))
                .toString()));
    variants.put(
        "busy-those-days",
        MatchDocuments.with(base, "weekdays", List.of(MatchDocuments.dayOff(opportunity))));
    variants.put("named-no-days", MatchDocuments.with(base, "weekdays", List.of()));
    variants.forEach((key, document) -> volunteers.put(key, (String) document.get("id")));
    documents.write(MatchDocuments.VOLUNTEERS, List.copyOf(variants.values()));
    documents.write(MatchDocuments.OPPORTUNITIES, List.of(opportunity, remote));
  }

  @AfterAll
  void removeDocuments() {
    documents.removeAll();
  }

  @Test
  void hardConstraintsExcludeWhatTheyShould() {
    assertThat(candidates(opportunity).keySet())
        .contains("base", "far-but-travels", "no-remote", "experienced")
        .doesNotContain("man", "seventy", "away-that-week", "far", "inactive");
    assertThat(candidates(remote).keySet())
        .as("remote work: anyone who takes it, wherever they live")
        .contains("base", "far", "far-but-travels")
        .doesNotContain("no-remote", "man", "inactive");
  }

  /**
   * Volunteers around the opportunity at the edge of their own travel limits, short and long, in
   * every direction: just past the limit is never a candidate; inside the promised share of it,
   * always.
   */
  @Test
  void nobodyBeyondTheirLimitAndEveryoneWellInsideIt() {
    Map<String, Object> base = MatchDocuments.volunteer();
    Map<String, Map<String, Object>> edge = new LinkedHashMap<>();
    double inside = 1 - ReachCells.MARGIN - ReachCells.PRECISION;
    for (int limit : new int[] {2, 9, 30, 140, 700}) {
      for (int bearing = 0; bearing < 360; bearing += 45) {
        edge.put(
            "past " + limit + " km at " + bearing,
            MatchDocuments.with(
                base,
                "travel_km",
                limit,
                "location",
                MatchDocuments.fromRiyadh(limit * 1.001 + 0.005, bearing)));
        edge.put(
            "inside " + limit + " km at " + bearing,
            MatchDocuments.with(
                base,
                "travel_km",
                limit,
                "location",
                MatchDocuments.fromRiyadh(limit * inside - 0.005, bearing + 20)));
      }
    }
    edge.forEach((key, document) -> volunteers.put(key, (String) document.get("id")));
    documents.write(MatchDocuments.VOLUNTEERS, List.copyOf(edge.values()));

    Set<String> found = candidates(opportunity).keySet();
    for (String key : edge.keySet()) {
      if (key.startsWith("past")) {
        assertThat(found).as("beyond the limit").doesNotContain(key);
      } else {
        assertThat(found).as("well inside the limit").contains(key);
      }
    }
  }

  /**
   * Volunteers the model cannot tell apart, ranked by the query a page sends on two consecutive
   * days: the first of them one day are not the first the next.
   */
  @Test
  void tiedVolunteersTakeTurnsFromOneDayToTheNext() throws IOException {
    Map<String, Object> base = MatchDocuments.volunteer();
    List<Map<String, Object>> twins = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      twins.add(
          MatchDocuments.with(
              base,
              "id",
              UUID.nameUUIDFromBytes(("twin-" + i).getBytes(StandardCharsets.UTF_8)).toString()));
    }
    documents.write(MatchDocuments.VOLUNTEERS, twins);
    List<String> ids = twins.stream().map(twin -> (String) twin.get("id")).toList();
    Instant monday = Instant.parse("2026-12-07T10:00:00Z");

    List<Hit<Void>> first = ranked(ids, monday);
    List<Hit<Void>> next = ranked(ids, monday.plus(Duration.ofDays(1)));

    assertThat(first).hasSize(ids.size());
    assertThat(first.getFirst().score() - first.getLast().score())
        .as("only the rotation tells them apart")
        .isLessThanOrEqualTo(Rotation.WEIGHT + 1e-4);
    assertThat(next.subList(0, 6).stream().map(Hit::id))
        .doesNotContainAnyElementsOf(first.subList(0, 6).stream().map(Hit::id).toList());
  }

  private List<Hit<Void>> ranked(List<String> ids, Instant now) throws IOException {
    Query ranking = queries.candidatesFor(OpportunityDoc.of(opportunity), now);
    return elasticsearch
        .search(
            s ->
                s.index(MatchDocuments.VOLUNTEERS)
                    .query(q -> q.bool(b -> b.must(ranking).filter(f -> f.ids(i -> i.values(ids)))))
                    .size(ids.size())
                    .source(source -> source.fetch(false)),
            Void.class)
        .hits()
        .hits();
  }

  @Test
  void eachComponentMovesACandidateByItsWeight() {
    Map<String, Double> scores = candidates(opportunity);
    MatchingProperties.Weights weights = properties.weights();
    assertThat(scores.get("base") - scores.get("other-field"))
        .isCloseTo(weights.field(), within(0.01));
    assertThat(scores.get("experienced") - scores.get("base"))
        .isCloseTo(weights.experience() * 0.8, within(0.01));
    assertThat(scores.get("base") - scores.get("related-skill"))
        .isCloseTo(weights.skills() * (1 - weights.relatedSkillCredit()), within(0.01));
    assertThat(scores.get("base") - scores.get("no-skill"))
        .isCloseTo(weights.skills(), within(0.01));
    assertThat(scores.get("base") - scores.get("far-but-travels"))
        .as("50 km: twice the half-credit distance keeps a third of the credit")
        .isCloseTo(
            weights.distance() * (1 - MatchScorer.closeness(50, properties.distanceHalfKm())),
            within(0.01));
    assertThat(scores.get("reliable") - scores.get("base"))
        .as("five completed of five, against a newcomer's prior")
        .isCloseTo(
            weights.trackRecord() * (TrackRecord.of(5, 0) - TrackRecord.NEWCOMER), within(0.01));
    assertThat(scores.get("base") - scores.get("lapsing"))
        .as("two lapsed of two, against a newcomer's prior")
        .isCloseTo(
            weights.trackRecord() * (TrackRecord.NEWCOMER - TrackRecord.of(0, 2)), within(0.01));
    assertThat(scores.get("served-the-field") - scores.get("base"))
        .isCloseTo(weights.pastField(), within(0.01));
    assertThat(scores.get("served-the-organization") - scores.get("base"))
        .isCloseTo(weights.pastOrganization(), within(0.01));
    assertThat(scores.get("base") - scores.get("quiet-a-season"))
        .as("last active activity-half-days ago keeps half the freshness credit")
        .isCloseTo(weights.freshness() * 0.5, within(0.01));
    assertThat(scores.get("base") - scores.get("busy-those-days"))
        .as("free on none of the days it runs")
        .isCloseTo(weights.weekdays(), within(0.01));
    assertThat(scores.get("named-no-days"))
        .as("who named no days is free any day")
        .isCloseTo(scores.get("base"), within(0.01));
    assertThat(
            Explanations.value(
                card(opportunity, "busy-those-days").path("explanation"), "weekdays"))
        .isZero();
    assertThat(Explanations.value(card(opportunity, "base").path("explanation"), "weekdays"))
        .isEqualTo(1.0);
  }

  @Test
  void cardsAreMaskedAndExplainedFieldByField() {
    for (JsonNode card : cards(opportunity)) {
      List<String> fields = new ArrayList<>();
      card.properties().forEach(entry -> fields.add(entry.getKey()));
      assertThat(fields)
          .as("a card holds exactly these fields")
          .containsExactlyInAnyOrderElementsOf(CARD_FIELDS);
      double points = 0;
      for (JsonNode component : card.path("explanation").path("components")) {
        points += component.path("points").asDouble();
      }
      assertThat(points).isCloseTo(card.path("score").asDouble(), within(0.001));
    }
    JsonNode related = card(opportunity, "related-skill");
    assertThat(related.path("explanation").path("relatedSkills").get(0).asString())
        .isEqualTo("first_aid");
    assertThat(related.path("skills").get(0).path("code").asString()).isEqualTo("cpr");
    assertThat(card(opportunity, "far-but-travels").path("distanceKm").asDouble())
        .isCloseTo(50, within(0.5));
    assertThat(line(card(opportunity, "base"), "track_record"))
        .as("a newcomer's track record is the prior")
        .isCloseTo(TrackRecord.NEWCOMER, within(0.001));
    assertThat(line(card(opportunity, "lapsing"), "track_record"))
        .isCloseTo(TrackRecord.of(0, 2), within(0.001));
    assertThat(line(card(opportunity, "served-the-field"), "past_field")).isEqualTo(1.0);
    assertThat(line(card(opportunity, "base"), "past_field")).isZero();
    assertThat(line(card(opportunity, "served-the-organization"), "past_organization"))
        .isEqualTo(1.0);
    assertThat(line(card(opportunity, "quiet-a-season"), "freshness")).isCloseTo(0.5, within(0.01));
  }

  /** The value of the line of the card's explanation for the component. */
  private static double line(JsonNode card, String component) {
    return Explanations.value(card.path("explanation"), component);
  }

  @Test
  void onlyTheOrganizationAndAdminsSeeCandidates() {
    String path = "/api/opportunities/" + opportunity.get("id") + "/candidates";
    assertThat(
            api.getEncoded(path, MatchIT.bearer(Tokens.member(organization), "application/json"))
                .status())
        .isEqualTo(200);
    assertThat(api.getEncoded(path, MatchIT.bearer(Tokens.admin(), "application/json")).status())
        .isEqualTo(200);
    Api.Response other =
        api.getEncoded(path, MatchIT.bearer(Tokens.member(UUID.randomUUID()), "application/json"));
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.text()).doesNotContain((String) volunteers.get("base"));
    assertThat(
            api.getEncoded(
                    path + "/stream",
                    MatchIT.bearer(Tokens.member(UUID.randomUUID()), "application/x-ndjson"))
                .status())
        .isEqualTo(403);
    assertThat(
            api.getEncoded(
                    path,
                    MatchIT.bearer(
                        Tokens.volunteer(UUID.fromString(volunteers.get("base"))),
                        "application/json"))
                .status())
        .isEqualTo(403);
    assertThat(api.getEncoded(path, MatchIT.bearer(null, "application/json")).status())
        .isEqualTo(401);
    assertThat(
            api.getEncoded(
                    "/api/opportunities/" + UUID.randomUUID() + "/candidates",
                    MatchIT.bearer(Tokens.admin(), "application/json"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void volunteersWhoAppliedAreFlaggedAndNoCardCarriesPersonalData() {
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    UUID published = fixtures.published(organization, 5);
    UUID applicant = UUID.randomUUID();
    String nationalId = Fixtures.nationalId();
    assertThat(
            api.post(
                    "/api/volunteers",
                    Tokens.volunteer(applicant),
                    Fixtures.registrationBody(nationalId))
                .status())
        .isEqualTo(201);
    fixtures.application(applicant, published);
    UUID bystander = fixtures.volunteer();
    indexer.drain().block(Duration.ofSeconds(60));
    try {
      elasticsearch
          .indices()
          .refresh(r -> r.index(MatchDocuments.OPPORTUNITIES, MatchDocuments.VOLUNTEERS));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Api.Response response =
        api.getEncoded(
            "/api/opportunities/" + published + "/candidates/stream",
            MatchIT.bearer(Tokens.member(organization), "application/x-ndjson"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    Map<String, JsonNode> cards = new LinkedHashMap<>();
    response
        .text()
        .lines()
        .map(JSON::readTree)
        .filter(line -> line.path("type").asString().equals("hit"))
        .forEach(
            line -> cards.put(line.path("hit").path("volunteerId").asString(), line.path("hit")));
    assertThat(cards).containsKeys(applicant.toString(), bystander.toString());
    assertThat(cards.get(applicant.toString()).path("applied").asBoolean()).isTrue();
    assertThat(cards.get(bystander.toString()).path("applied").asBoolean()).isFalse();
    Map<String, Boolean> flagged = new LinkedHashMap<>();
    for (int number = 0; number < 50 && flagged.size() < cards.size(); number++) {
      Api.Response page =
          api.getEncoded(
              "/api/opportunities/" + published + "/candidates?size=100&page=" + number,
              MatchIT.bearer(Tokens.member(organization), "application/json"));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.body()
          .path("items")
          .forEach(
              card ->
                  flagged.put(
                      card.path("volunteerId").asString(), card.path("applied").asBoolean()));
    }
    assertThat(flagged)
        .as("a page reads who applied among its own candidates")
        .containsEntry(applicant.toString(), true)
        .containsEntry(bystander.toString(), false);
    Map<String, Object> profile = Fixtures.profileBody(null);
    for (Object personal :
        List.of(
            profile.get("fullName"),
            profile.get("phone"),
            profile.get("email"),
            nationalId,
            profile.get("birthDate"))) {
      assertThat(response.text())
          .as("the candidate stream never carries " + personal)
          .doesNotContain(String.valueOf(personal));
    }
  }

  private Map<String, Double> candidates(Map<String, Object> opportunity) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (JsonNode card : cards(opportunity)) {
      String key =
          volunteers.entrySet().stream()
              .filter(entry -> entry.getValue().equals(card.path("volunteerId").asString()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      if (key != null) {
        scores.put(key, card.path("score").asDouble());
      }
    }
    return scores;
  }

  private List<JsonNode> cards(Map<String, Object> opportunity) {
    Api.Response response =
        api.getEncoded(
            "/api/opportunities/" + opportunity.get("id") + "/candidates/stream",
            MatchIT.bearer(Tokens.member(organization), "application/x-ndjson"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response
        .text()
        .lines()
        .map(JSON::readTree)
        .filter(line -> line.path("type").asString().equals("hit"))
        .map(line -> line.path("hit"))
        .filter(card -> volunteers.containsValue(card.path("volunteerId").asString()))
        .toList();
  }

  private JsonNode card(Map<String, Object> opportunity, String key) {
    return cards(opportunity).stream()
        .filter(card -> card.path("volunteerId").asString().equals(volunteers.get(key)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " is not a candidate"));
  }
}
