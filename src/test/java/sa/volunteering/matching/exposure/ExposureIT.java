package sa.volunteering.matching.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.impressions.ImpressionLog;
import sa.volunteering.matching.indexing.Exposure;
import sa.volunteering.matching.indexing.OutboxIndexer;
import sa.volunteering.matching.match.MatchingProperties;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Explanations;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.RowLocks;
import sa.volunteering.matching.support.TestEnvironment;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Impressions of candidate lists folded into each volunteer's exposure, on the real PostgreSQL and
 * Elasticsearch: a volunteer shown often ranks below an equal one shown never, by the exposure
 * weight times the difference of their values; counts decay, and leave once negligible; one
 * instance folds at a time.
 */
@IntegrationTest
class ExposureIT {

  private static final String VOLUNTEERS = TestEnvironment.PREFIX + "volunteers";

  @LocalServerPort int port;

  @Autowired ExposureFold fold;

  @Autowired ExposureProperties properties;

  @Autowired MatchingProperties matching;

  @Autowired DatabaseClient database;

  @Autowired ConnectionFactory connections;

  @Autowired ImpressionLog impressions;

  @Autowired OutboxIndexer indexer;

  @Autowired ElasticsearchClient elasticsearch;

  Api api;
  UUID organization;
  UUID opportunity;
  UUID shown;
  UUID unseen;

  /** Two volunteers alike in all that ranks them, the only ones with sign language. */
  @BeforeEach
  void twoEqualVolunteers() {
    api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    organization = fixtures.organization();
    Map<String, Object> body = new LinkedHashMap<>(Fixtures.opportunityBody(5));
    body.put("fieldCode", "social");
    body.put("requiredSkills", List.of(Map.of("code", "sign_language", "weight", 1.0)));
    Api.Response draft =
        api.post("/api/organizations/" + organization + "/opportunities", member(), body);
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    opportunity = UUID.fromString(draft.id());
    Api.Response published =
        api.post("/api/opportunities/" + opportunity + "/publish", member(), null);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    shown = fixtures.volunteer(List.of("sign_language"), List.of("social"));
    unseen = fixtures.volunteer(List.of("sign_language"), List.of("social"));
    settle();
  }

  @Test
  void aVolunteerShownOftenRanksBelowAnEqualOneByTheExposureWeight() {
    appearances(shown, 20);
    ExposureFold.Folded folded = fold.fold().block(Duration.ofSeconds(30));
    assertThat(folded).isNotNull();
    assertThat(folded.impressions()).isGreaterThanOrEqualTo(20);
    assertThat(folded.announced()).isGreaterThanOrEqualTo(1);
    awaitIndexed(shown, 20);

    Map<String, JsonNode> cards = cards();
    assertThat(line(cards.get(shown.toString()), "exposure"))
        .as("twenty recent appearances keep half the credit")
        .isCloseTo(Exposure.of(20), within(0.001));
    assertThat(line(cards.get(unseen.toString()), "exposure")).isEqualTo(1.0);
    assertThat(
            cards.get(unseen.toString()).path("score").asDouble()
                - cards.get(shown.toString()).path("score").asDouble())
        .isCloseTo(matching.weights().exposure() * (1 - Exposure.of(20)), within(0.01));
  }

  @Test
  void countsDecayAndLeaveOnceNegligible() {
    appearances(shown, 20);
    fold.fold().block(Duration.ofSeconds(30));
    long halfLives = 2;
    age(shown, properties.halfLife().multipliedBy(halfLives));
    fold.fold().block(Duration.ofSeconds(30));
    assertThat(count(shown)).isCloseTo(20.0 / (1 << halfLives), within(0.01));
    awaitIndexed(shown, 5.0);

    age(shown, properties.halfLife().multipliedBy(10));
    fold.fold().block(Duration.ofSeconds(30));
    assertThat(
            database
                .sql("select count(*) from volunteer_exposure where volunteer_id = :id")
                .bind("id", shown)
                .map(row -> row.get(0, Long.class))
                .one()
                .block(Duration.ofSeconds(10)))
        .isZero();
    awaitIndexed(shown, 0);
  }

  @Test
  void impressionsAreFoldedOnceAndOneInstanceFoldsAtATime() {
    appearances(shown, 3);
    fold.fold().block(Duration.ofSeconds(30));
    fold.fold().block(Duration.ofSeconds(30));
    assertThat(count(shown)).as("a second fold adds nothing").isCloseTo(3.0, within(0.01));

    appearances(shown, 4);
    ExposureFold.Folded whileHeld =
        RowLocks.whileHeld(
                connections,
                "select last_impression_id from exposure_watermark for update",
                List.of(),
                fold.fold())
            .block(Duration.ofSeconds(30));
    assertThat(whileHeld).as("another instance holds the watermark: this one skips").isNull();
    assertThat(count(shown)).isCloseTo(3.0, within(0.01));
    fold.fold().block(Duration.ofSeconds(30));
    assertThat(count(shown)).isCloseTo(7.0, within(0.01));
  }

  @Test
  void forgettingClearsEveryCountAndWhatWasLoggedBefore() {
    appearances(shown, 20);
    fold.fold().block(Duration.ofSeconds(30));
    awaitIndexed(shown, 20);
    appearances(shown, 5);

    Long announced = fold.forget().block(Duration.ofSeconds(30));
    assertThat(announced).as("the volunteers whose documents carried a count").isPositive();
    assertThat(count(shown)).isZero();
    ExposureFold.Folded next = fold.fold().block(Duration.ofSeconds(30));
    assertThat(next).isNotNull();
    assertThat(next.impressions()).as("what was logged before forgetting").isZero();
    assertThat(count(shown)).isZero();
    awaitIndexed(shown, 0);
    assertThat(line(cards().get(shown.toString()), "exposure")).isEqualTo(1.0);
  }

  private String member() {
    return Tokens.member(organization);
  }

  /**
   * Logs {@code times} appearances of the volunteer among the opportunity's candidates, to be the
   * only ones the next fold reads.
   */
  private void appearances(UUID volunteer, int times) {
    skipLoggedImpressions();
    for (int rank = 1; rank <= times; rank++) {
      database
          .sql(
              "insert into impressions (shown_at, list_id, direction, volunteer_id, opportunity_id, rank, score, components)"
                  + " values (now(), :list, 'candidates', :volunteer, :opportunity, 1, 1.0, '{}'::jsonb)")
          .bind("list", UUID.randomUUID())
          .bind("volunteer", volunteer)
          .bind("opportunity", opportunity)
          .then()
          .block(Duration.ofSeconds(10));
    }
  }

  /**
   * Moves the watermark past every impression logged so far (other tests', and the pages read
   * here), so that the next fold reads only what is logged after.
   */
  private void skipLoggedImpressions() {
    impressions.flush().block(Duration.ofSeconds(30));
    database
        .sql(
            "update exposure_watermark set last_impression_id = (select coalesce(max(id), 0) from impressions)")
        .then()
        .block(Duration.ofSeconds(10));
  }

  private void age(UUID volunteer, Duration by) {
    skipLoggedImpressions();
    database
        .sql(
            "update volunteer_exposure set as_of = as_of - make_interval(secs => :seconds) where volunteer_id = :id")
        .bind("seconds", (double) by.toSeconds())
        .bind("id", volunteer)
        .then()
        .block(Duration.ofSeconds(10));
  }

  private double count(UUID volunteer) {
    return database
        .sql("select shown from volunteer_exposure where volunteer_id = :id")
        .bind("id", volunteer)
        .map(row -> row.get(0, Double.class))
        .one()
        .blockOptional(Duration.ofSeconds(10))
        .orElse(0.0);
  }

  @SuppressWarnings("unchecked")
  private double indexedShown(UUID volunteer) {
    try {
      Map<String, Object> source =
          elasticsearch.get(g -> g.index(VOLUNTEERS).id(volunteer.toString()), Map.class).source();
      return ((Number) source.get("shown_lately")).doubleValue();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Waits until the volunteer's document carries the count (an indexer of this instance's own may
   * be writing it while the test's drain finds nothing left to take), then makes it searchable.
   */
  private void awaitIndexed(UUID volunteer, double shownLately) {
    indexer.drain().block(Duration.ofSeconds(60));
    await("the document carries " + shownLately)
        .atMost(Duration.ofSeconds(30))
        .until(() -> Math.abs(indexedShown(volunteer) - shownLately) < 0.01);
    settle();
  }

  private void settle() {
    indexer.drain().block(Duration.ofSeconds(60));
    try {
      elasticsearch.indices().refresh(r -> r.index(VOLUNTEERS));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The first page of the opportunity's candidates, by volunteer. */
  private Map<String, JsonNode> cards() {
    Api.Response response =
        api.get(
            "/api/opportunities/" + opportunity + "/candidates?size=20",
            Tokens.member(organization));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    Map<String, JsonNode> cards = new LinkedHashMap<>();
    response
        .body()
        .path("items")
        .forEach(card -> cards.put(card.path("volunteerId").asString(), card));
    assertThat(cards).containsKeys(shown.toString(), unseen.toString());
    return cards;
  }

  private static double line(JsonNode card, String component) {
    return Explanations.value(card.path("explanation"), component);
  }
}
