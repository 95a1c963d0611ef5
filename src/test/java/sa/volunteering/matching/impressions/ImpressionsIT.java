package sa.volunteering.matching.impressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.indexing.OutboxIndexer;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every answered page of matches or candidates, and the first hits of a stream, leave one row per
 * result in {@code impressions}: its list, rank and the points of each component, which add up to
 * its score; rows past the retention are deleted.
 */
@IntegrationTest
class ImpressionsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Autowired DatabaseClient database;

  @Autowired OutboxIndexer indexer;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired ImpressionRetention retention;

  @Autowired ImpressionProperties properties;

  @Test
  void pagesAndTheFirstHitsOfStreamsAreLoggedWithTheirRanksAndComponents() throws IOException {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    UUID opportunity = fixtures.published(organization, 5);
    for (int i = 0; i < 3; i++) {
      fixtures.published(organization, 5);
    }
    UUID volunteer = fixtures.volunteer();
    UUID another = fixtures.volunteer();
    fixtures.awaitIndexed(volunteer);
    fixtures.awaitIndexed(another);
    indexer.drain().block(Duration.ofSeconds(60));
    elasticsearch.indices().refresh();

    Api.Response matches =
        api.get(
            "/api/volunteers/" + volunteer + "/matches?size=3&organization=" + organization,
            Tokens.volunteer(volunteer));
    assertThat(matches.status()).as(matches.toString()).isEqualTo(200);
    List<String> pageIds = new ArrayList<>();
    matches
        .body()
        .path("items")
        .forEach(item -> pageIds.add(item.path("opportunity").path("id").asString()));
    assertThat(pageIds).hasSize(3);
    List<Map<String, Object>> shown =
        awaitList("volunteer_id", volunteer, "opportunities", "opportunity_id", pageIds);
    assertThat(shown).extracting(row -> row.get("rank")).containsExactly(1, 2, 3);
    shown.forEach(ImpressionsIT::assertPointsAddUp);

    Api.Response candidates =
        api.get(
            "/api/opportunities/" + opportunity + "/candidates?page=1&size=1",
            Tokens.member(organization));
    assertThat(candidates.status()).as(candidates.toString()).isEqualTo(200);
    List<String> cardIds = new ArrayList<>();
    candidates
        .body()
        .path("items")
        .forEach(card -> cardIds.add(card.path("volunteerId").asString()));
    assertThat(cardIds).as(candidates.toString()).isNotEmpty();
    List<Map<String, Object>> second =
        awaitList("opportunity_id", opportunity, "candidates", "volunteer_id", cardIds);
    assertThat(second.get(0).get("rank")).as("the second page starts at rank 2").isEqualTo(2);
    second.forEach(ImpressionsIT::assertPointsAddUp);

    Api.Response stream =
        api.getEncoded(
            "/api/volunteers/" + volunteer + "/matches/stream?organization=" + organization,
            bearer(Tokens.volunteer(volunteer)));
    assertThat(stream.status()).isEqualTo(200);
    List<String> streamed =
        stream
            .text()
            .lines()
            .map(JSON::readTree)
            .filter(line -> line.path("type").asString().equals("hit"))
            .map(line -> line.path("hit").path("opportunity").path("id").asString())
            .toList();
    assertThat(streamed).hasSize(4);
    assertThat(awaitList("volunteer_id", volunteer, "opportunities", "opportunity_id", streamed))
        .extracting(row -> row.get("rank"))
        .containsExactly(1, 2, 3, 4);
  }

  @Test
  void impressionsPastTheRetentionAreDeleted() {
    UUID volunteer = UUID.randomUUID();
    insert(volunteer, Instant.now().minus(properties.retention()).minus(1, ChronoUnit.DAYS));
    insert(volunteer, Instant.now().minus(properties.retention()).plus(1, ChronoUnit.HOURS));
    assertThat(retention.deleteOld().block(Duration.ofSeconds(30))).isPositive();
    List<Map<String, Object>> left = rows("volunteer_id", volunteer, "candidates");
    assertThat(left).hasSize(1);
  }

  private void insert(UUID volunteer, Instant at) {
    database
        .sql(
            "insert into impressions (shown_at, list_id, direction, volunteer_id, opportunity_id, rank, score, components)"
                + " values (:at, :list, 'candidates', :volunteer, :opportunity, 1, 1.0, '{}'::jsonb)")
        .bind("at", at)
        .bind("list", UUID.randomUUID())
        .bind("volunteer", volunteer)
        .bind("opportunity", UUID.randomUUID())
        .fetch()
        .rowsUpdated()
        .block(Duration.ofSeconds(10));
  }

  /**
   * The rows of the one list logged for {@code id} whose results, by rank, are {@code shown}: other
   * lists of the same volunteer or opportunity may be logged around it.
   */
  private List<Map<String, Object>> awaitList(
      String column, UUID id, String direction, String result, List<String> shown) {
    AtomicReference<List<Map<String, Object>>> found = new AtomicReference<>();
    await("the list logged")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Map<Object, List<Map<String, Object>>> lists = new LinkedHashMap<>();
              rows(column, id, direction)
                  .forEach(
                      row ->
                          lists
                              .computeIfAbsent(row.get("list_id"), l -> new ArrayList<>())
                              .add(row));
              for (List<Map<String, Object>> list : lists.values()) {
                if (list.stream()
                    .map(row -> String.valueOf(row.get(result)))
                    .toList()
                    .equals(shown)) {
                  found.set(list);
                  return true;
                }
              }
              return false;
            });
    return found.get();
  }

  private List<Map<String, Object>> rows(String column, UUID id, String direction) {
    return database
        .sql(
            "select list_id, opportunity_id, volunteer_id, rank, score, components::text as components"
                + " from impressions where "
                + column
                + " = :id and direction = :direction order by id, rank")
        .bind("id", id)
        .bind("direction", direction)
        .fetch()
        .all()
        .collectList()
        .block(Duration.ofSeconds(10));
  }

  private static void assertPointsAddUp(Map<String, Object> row) {
    JsonNode components = JSON.readTree(String.valueOf(row.get("components")));
    assertThat(components.has("skills")).isTrue();
    double points = 0;
    for (JsonNode value : components) {
      points += value.asDouble();
    }
    assertThat(points).isCloseTo(((Number) row.get("score")).doubleValue(), within(0.001));
  }

  private static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.set(HttpHeaders.ACCEPT, "application/x-ndjson");
    return headers;
  }
}
