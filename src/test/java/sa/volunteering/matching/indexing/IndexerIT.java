package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.TestEnvironment;
import sa.volunteering.matching.support.Tokens;

/**
 * The outbox drained into the real Elasticsearch: every document at its PostgreSQL version,
 * whatever the order.
 */
@IntegrationTest
class IndexerIT {

  private static final String OPPORTUNITIES = TestEnvironment.PREFIX + "opportunities";
  private static final String VOLUNTEERS = TestEnvironment.PREFIX + "volunteers";

  @LocalServerPort int port;

  @LocalManagementPort int managementPort;

  @Autowired OutboxIndexer indexer;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired DatabaseClient database;

  @Autowired OutboxQueue queue;

  @Autowired DocumentLoader documents;

  @Autowired BulkIndexer bulk;

  @Autowired TransactionalOperator transaction;

  @Autowired ConnectionFactory connections;

  @Autowired sa.volunteering.matching.system.PostgresNotifications notifications;

  @Autowired IndexedOpportunities announcements;

  @Autowired ChangedDocuments changes;

  @Autowired IndexingProperties properties;

  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  Api api;
  Fixtures fixtures;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new Fixtures(api);
  }

  @Test
  void publishedOpportunitiesAndActiveVolunteersAreIndexedAtTheirVersions() {
    UUID organization = fixtures.organization();
    UUID opportunity = fixtures.published(organization, 3);
    UUID draft = fixtures.draft(organization, 3);
    UUID volunteer = fixtures.volunteer();

    drain();

    GetResponse<Map> indexed = get(OPPORTUNITIES, opportunity);
    assertThat(indexed.found()).isTrue();
    assertThat(indexed.version()).isEqualTo(version("opportunities", opportunity));
    assertThat(indexed.source())
        .containsEntry("status", "published")
        .containsEntry("seats_left", 3)
        .containsEntry("city_name", List.of("الرياض", "Riyadh"))
        .containsEntry("region_code", "SA-01");
    assertThat(get(OPPORTUNITIES, draft).found()).as("drafts are not searchable").isFalse();
    GetResponse<Map> person = get(VOLUNTEERS, volunteer);
    assertThat(person.found()).isTrue();
    assertThat(person.source())
        .containsKeys("skill_codes", "city_code", "birth_year")
        .doesNotContainKeys("full_name", "phone", "email", "national_id");
  }

  @Test
  void aVolunteersRecordIsIndexedFromTheirApplicationsAndHours() {
    UUID organization = fixtures.organization();
    UUID served = fixtures.published(organization, 3);
    UUID lapsed = fixtures.published(organization, 3);
    UUID volunteer = fixtures.volunteer();
    java.time.Instant before = java.time.Instant.now();
    UUID completed = fixtures.application(volunteer, served);
    UUID accepted = fixtures.application(volunteer, lapsed);
    fixtures.accept(organization, completed);
    fixtures.accept(organization, accepted);
    UUID hours = fixtures.hours(organization, completed);
    assertThat(
            api.post("/api/hours/" + hours + "/verify", Tokens.volunteer(volunteer), null).status())
        .isEqualTo(200);
    database
        .sql(
            "update opportunities set starts_at = now() - interval '40 days',"
                + " ends_at = now() - interval '30 days' where id = :id")
        .bind("id", lapsed)
        .then()
        .block(Duration.ofSeconds(10));
    assertThat(
            api.post(
                    "/api/applications/" + completed + "/complete",
                    Tokens.member(organization),
                    null)
                .status())
        .isEqualTo(200);
    drainAllOf(volunteer);

    Map<String, Object> document = get(VOLUNTEERS, volunteer).source();
    assertThat(document)
        .containsEntry("served_fields", List.of("events"))
        .containsEntry("served_organizations", List.of(organization.toString()))
        .containsEntry("verified_hours", 4.5);
    assertThat(((Number) document.get("track_record")).doubleValue())
        .as("one completed, one still accepted a month after its opportunity ended")
        .isEqualTo(TrackRecord.of(1, 1));
    assertThat(java.time.Instant.parse((String) document.get("last_active_at")))
        .as("verifying their hours was the volunteer's last act")
        .isAfter(before);
    assertThat(document).doesNotContainKey("track_record_as_date");
  }

  @Test
  void updatesAndDeletesFollowAndEndEqualToPostgresql() {
    UUID organization = fixtures.organization();
    UUID opportunity = fixtures.published(organization, 5);
    UUID draft = fixtures.draft(organization, 5);
    UUID volunteer = fixtures.volunteer();
    drain();

    Map<String, Object> change = new java.util.HashMap<>(Fixtures.opportunityBody(7));
    change.put("titleAr", "تنسيق المتطوعين في مهرجان التمور");
    change.put("version", version("opportunities", opportunity));
    assertThat(
            api.put("/api/opportunities/" + opportunity, Tokens.member(organization), change)
                .status())
        .isEqualTo(200);
    assertThat(api.delete("/api/opportunities/" + draft, Tokens.member(organization)).status())
        .isEqualTo(204);
    assertThat(api.delete("/api/volunteers/me", Tokens.volunteer(volunteer)).status())
        .isEqualTo(200);
    drain();

    GetResponse<Map> indexed = get(OPPORTUNITIES, opportunity);
    assertThat(indexed.version()).isEqualTo(version("opportunities", opportunity));
    assertThat((String) indexed.source().get("title"))
        .startsWith("تنسيق المتطوعين في مهرجان التمور");
    assertThat(indexed.source()).containsEntry("seats_total", 7);
    assertThat(get(OPPORTUNITIES, draft).found()).isFalse();
    assertThat(get(VOLUNTEERS, volunteer).found()).as("closed profiles leave the index").isFalse();
  }

  @Test
  void replayingEveryOutboxRowTwiceShuffledLeavesTheIndexIdentical() {
    UUID organization = fixtures.organization();
    List<UUID> opportunities = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      opportunities.add(fixtures.published(organization, 4));
    }
    UUID volunteer = fixtures.volunteer();
    fixtures.accept(organization, fixtures.application(volunteer, opportunities.get(0)));
    drain();
    List<Map> before = new ArrayList<>();
    opportunities.forEach(id -> before.add(snapshot(OPPORTUNITIES, id)));
    before.add(snapshot(VOLUNTEERS, volunteer));

    List<Object[]> rows =
        database
            .sql(
                "select aggregate_type, aggregate_id, aggregate_version from outbox where aggregate_id = any(:ids)")
            .bind(
                "ids", concat(opportunities, List.of(organization, volunteer)).toArray(UUID[]::new))
            .map(
                row ->
                    new Object[] {
                      row.get("aggregate_type", String.class),
                      row.get("aggregate_id", UUID.class),
                      row.get("aggregate_version", Long.class)
                    })
            .all()
            .collectList()
            .block(Duration.ofSeconds(10));
    List<Object[]> replay = new ArrayList<>(rows);
    replay.addAll(rows);
    Collections.shuffle(replay, new Random(42));
    for (Object[] row : replay) {
      database
          .sql(
              "insert into outbox (aggregate_type, aggregate_id, aggregate_version) values (:type, :id, :version)")
          .bind("type", row[0])
          .bind("id", row[1])
          .bind("version", row[2])
          .then()
          .block(Duration.ofSeconds(10));
    }
    drain();

    List<Map> after = new ArrayList<>();
    opportunities.forEach(id -> after.add(snapshot(OPPORTUNITIES, id)));
    after.add(snapshot(VOLUNTEERS, volunteer));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void twoIndexersDrainingTogetherIndexEveryChangeAtItsLatestVersion() throws Exception {
    OutboxIndexer second =
        new OutboxIndexer(
            queue, documents, bulk, transaction, notifications, announcements, changes, properties);
    UUID organization = fixtures.organization();
    List<UUID> opportunities = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      opportunities.add(fixtures.published(organization, 10));
    }
    for (int round = 0; round < 3; round++) {
      for (UUID id : opportunities) {
        Map<String, Object> change = new java.util.HashMap<>(Fixtures.opportunityBody(10 + round));
        change.put("version", version("opportunities", id));
        assertThat(
                api.put("/api/opportunities/" + id, Tokens.member(organization), change).status())
            .isEqualTo(200);
      }
      Mono.zip(indexer.drain(), second.drain()).block(Duration.ofSeconds(60));
    }
    drain();
    for (UUID id : opportunities) {
      GetResponse<Map> indexed = get(OPPORTUNITIES, id);
      assertThat(indexed.version())
          .as("opportunity %s", id)
          .isEqualTo(version("opportunities", id));
      assertThat(indexed.source()).containsEntry("seats_total", 12);
    }
  }

  @Test
  void aDocumentElasticsearchRefusesIsParkedWithItsReasonAndCanBeRetried() throws Exception {
    UUID organization = fixtures.organization();
    drain();
    String index =
        elasticsearch
            .indices()
            .getAlias(a -> a.name(OPPORTUNITIES))
            .aliases()
            .keySet()
            .iterator()
            .next();
    elasticsearch
        .indices()
        .putSettings(s -> s.index(index).settings(settings -> settings.blocks(b -> b.write(true))));
    UUID opportunity;
    try {
      opportunity = fixtures.published(organization, 2);
      long outboxId = awaitParked(opportunity);

      Api.Response failures = api.get("/api/admin/indexing/failures?size=100", Tokens.admin());
      assertThat(failures.status()).isEqualTo(200);
      assertThat(failures.text())
          .contains(opportunity.toString())
          .contains("cluster_block_exception");
      assertThat(api.get("/api/admin/indexing/failures", Tokens.member(organization)).status())
          .isEqualTo(403);

      elasticsearch
          .indices()
          .putSettings(
              s -> s.index(index).settings(settings -> settings.blocks(b -> b.write(false))));
      assertThat(
              api.post("/api/admin/indexing/failures/" + outboxId + "/retry", Tokens.admin(), null)
                  .status())
          .isEqualTo(200);
      assertThat(
              api.post("/api/admin/indexing/failures/" + outboxId + "/retry", Tokens.admin(), null)
                  .status())
          .isEqualTo(404);
    } finally {
      elasticsearch
          .indices()
          .putSettings(
              s -> s.index(index).settings(settings -> settings.blocks(b -> b.write(false))));
    }
    drain();
    assertThat(get(OPPORTUNITIES, opportunity).found()).isTrue();
  }

  @Test
  void lagIsAReadinessComponentAndAGauge() {
    Api.Response health = new Api(managementPort).get("/actuator/health", Tokens.admin());
    assertThat(health.body().path("components").path("indexing").path("status").asString())
        .isEqualTo("UP");
    assertThat(health.body().path("components").path("indexing").path("details").has("backlog"))
        .isTrue();
    assertThat(health.body().path("components").path("indexing").path("details").has("lagging"))
        .isTrue();
    assertThat(meters.get("outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(0);
    assertThat(meters.get("outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(0);
  }

  private long awaitParked(UUID aggregate) throws InterruptedException {
    return await("the refused change parked")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              drain();
              return database
                  .sql(
                      "select max(id) as id from outbox where aggregate_id = :id and parked_at is not null")
                  .bind("id", aggregate)
                  .map(row -> row.get("id", Long.class))
                  .one()
                  .block(Duration.ofSeconds(10));
            },
            java.util.Objects::nonNull);
  }

  /**
   * Drains until no change of the aggregate waits: a row the service's own indexer has claimed is
   * skipped by {@link #drain}, and may still be on its way.
   */
  private void drainAllOf(UUID aggregate) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              drain();
              return database
                      .sql(
                          "select count(*) from outbox where aggregate_id = :id and processed_at is null")
                      .bind("id", aggregate)
                      .map(row -> row.get(0, Long.class))
                      .one()
                      .block(Duration.ofSeconds(10))
                  == 0;
            });
    drain();
  }

  private void drain() {
    indexer.drain().block(Duration.ofSeconds(60));
    try {
      elasticsearch.indices().refresh(r -> r.index(OPPORTUNITIES, VOLUNTEERS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long version(String table, UUID id) {
    return database
        .sql("select version from " + table + " where id = :id")
        .bind("id", id)
        .map(row -> row.get("version", Long.class))
        .one()
        .block(Duration.ofSeconds(10));
  }

  private GetResponse<Map> get(String index, UUID id) {
    try {
      return elasticsearch.get(g -> g.index(index).id(id.toString()), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> snapshot(String index, UUID id) {
    GetResponse<Map> response = get(index, id);
    return Map.of("id", id, "version", response.version(), "source", response.source());
  }

  private static List<UUID> concat(List<UUID> first, List<UUID> second) {
    List<UUID> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
