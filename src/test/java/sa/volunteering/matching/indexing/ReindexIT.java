package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.ServiceProcess;
import sa.volunteering.matching.support.TestEnvironment;
import sa.volunteering.matching.support.Tokens;

/**
 * A full reindex while the platform keeps changing: after the swap, the new index holds every
 * change.
 */
@IntegrationTest
class ReindexIT {

  private static final String OPPORTUNITIES = TestEnvironment.PREFIX + "opportunities";
  private static final String VOLUNTEERS = TestEnvironment.PREFIX + "volunteers";

  @LocalServerPort int port;

  @Autowired OutboxIndexer indexer;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired DatabaseClient database;

  /**
   * About 20 throttled batches whatever the database holds, so the writes below land while it runs.
   */
  @Test
  void changesCommittedDuringTheReindexAreInTheNewIndexAfterTheSwap() throws IOException {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    List<UUID> opportunities = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      opportunities.add(fixtures.published(organization, 10));
    }
    List<UUID> drafts = List.of(fixtures.draft(organization, 3), fixtures.draft(organization, 3));
    indexer.drain().block(Duration.ofSeconds(60));
    String before = aliasTarget();

    String job = startSlowReindex(api);

    String member = Tokens.member(organization);
    for (int i = 0; i < 10; i++) {
      UUID id = opportunities.get(i);
      Map<String, Object> change = new HashMap<>(Fixtures.opportunityBody(20 + i));
      change.put("version", version(id));
      assertThat(api.put("/api/opportunities/" + id, member, change).status()).isEqualTo(200);
    }
    for (int i = 10; i < 13; i++) {
      assertThat(
              api.post("/api/opportunities/" + opportunities.get(i) + "/close", member, null)
                  .status())
          .isEqualTo(200);
    }
    for (int i = 0; i < 4; i++) {
      opportunities.add(fixtures.published(organization, 2));
    }
    api.post("/api/opportunities/" + drafts.get(0) + "/publish", member, null);
    api.delete("/api/opportunities/" + drafts.get(1), member);
    assertThat(api.get("/api/admin/reindex/" + job, Tokens.admin()).body().path("state").asString())
        .as("the writes above happened while the reindex ran")
        .isEqualTo("RUNNING");

    List<ServerSentEvent<Map>> events = progress(port, job);
    assertThat(events).isNotEmpty();
    Map last = events.get(events.size() - 1).data();
    assertThat(last).containsEntry("state", "SUCCEEDED");
    assertThat(((Number) last.get("percent")).doubleValue()).isEqualTo(100.0);
    indexer.drain().block(Duration.ofSeconds(60));
    elasticsearch.indices().refresh(r -> r.index(OPPORTUNITIES));

    String after = aliasTarget();
    assertThat(after).isNotEqualTo(before).isEqualTo(last.get("target"));
    assertThat(elasticsearch.indices().exists(e -> e.index(before)).value())
        .as("the old index was removed")
        .isFalse();
    List<UUID> all = new ArrayList<>(opportunities);
    all.addAll(drafts);
    for (UUID id : all) {
      Map<String, Object> row =
          database
              .sql("select version, status from opportunities where id = :id")
              .bind("id", id)
              .map(
                  r ->
                      Map.<String, Object>of(
                          "version",
                          r.get("version", Long.class),
                          "status",
                          r.get("status", String.class)))
              .one()
              .block(Duration.ofSeconds(10));
      GetResponse<Map> document =
          elasticsearch.get(g -> g.index(OPPORTUNITIES).id(id.toString()), Map.class);
      if (row == null || row.get("status").equals("draft")) {
        assertThat(document.found()).as("%s is not public", id).isFalse();
      } else {
        assertThat(document.found()).as("%s is in the new index", id).isTrue();
        assertThat(document.version())
            .as("%s is at its version", id)
            .isEqualTo((Long) row.get("version"));
        assertThat(document.source()).containsEntry("status", row.get("status"));
      }
    }
  }

  /**
   * A reindex reads whole pages in one statement each (ReindexSource) where the indexer reads what
   * its outbox rows name (DocumentLoader): the documents must come out the same, skills, shares,
   * organization and verified hours included.
   */
  @Test
  void aReindexWritesTheDocumentsTheIndexerWrote() throws IOException {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    List<UUID> opportunities =
        List.of(fixtures.published(organization, 10), fixtures.published(organization, 3));
    UUID volunteer = fixtures.volunteer();
    UUID application = fixtures.application(volunteer, opportunities.get(0));
    fixtures.accept(organization, application);
    UUID hours = fixtures.hours(organization, application);
    assertThat(
            api.post("/api/hours/" + hours + "/verify", Tokens.volunteer(volunteer), null).status())
        .isEqualTo(200);
    indexer.drain().block(Duration.ofSeconds(60));
    Map<String, Map> written = new HashMap<>();
    for (UUID id : opportunities) {
      written.put(id.toString(), source(OPPORTUNITIES, id));
    }
    written.put(volunteer.toString(), source(VOLUNTEERS, volunteer));
    assertThat(written.get(volunteer.toString()))
        .containsEntry("verified_hours", 4.5)
        .containsEntry("applied", List.of(opportunities.get(0).toString()));

    for (String index : List.of("opportunities", "volunteers")) {
      Api.Response started =
          api.post("/api/admin/reindex", Tokens.admin(), Map.of("index", index, "batchSize", 7));
      assertThat(started.status()).as(started.toString()).isEqualTo(202);
      List<ServerSentEvent<Map>> events = progress(port, started.body().path("job").asString());
      assertThat(events.getLast().data()).containsEntry("state", "SUCCEEDED");
    }

    for (UUID id : opportunities) {
      assertThat(source(OPPORTUNITIES, id))
          .as("opportunity %s", id)
          .isEqualTo(written.get(id.toString()));
    }
    assertThat(source(VOLUNTEERS, volunteer)).isEqualTo(written.get(volunteer.toString()));
  }

  private Map source(String index, UUID id) throws IOException {
    GetResponse<Map> document = elasticsearch.get(g -> g.index(index).id(id.toString()), Map.class);
    assertThat(document.found()).as("%s in %s", id, index).isTrue();
    return document.source();
  }

  /**
   * Jobs are the cluster's, not an instance's: a second service process (same database and indexes)
   * refuses a second reindex of the index while the first runs here, and answers for the first one,
   * its state and its progress stream.
   */
  @Test
  void anotherInstanceRefusesASecondReindexAndFollowsTheFirst() throws Exception {
    Api here = new Api(port);
    publishedOpportunities(here, 20);
    try (ServiceProcess other = ServiceProcess.start("--app.indexing.enabled=false")) {
      Api there = new Api(other.port());
      String job = startSlowReindex(here);

      Api.Response second =
          there.post("/api/admin/reindex", Tokens.admin(), Map.of("index", "opportunities"));
      assertThat(second.status()).as(second.toString()).isEqualTo(409);
      assertThat(second.body().path("type").asString()).isEqualTo("/problems/reindex-running");
      Api.Response status = there.get("/api/admin/reindex/" + job, Tokens.admin());
      assertThat(status.status()).isEqualTo(200);
      assertThat(status.body().path("state").asString()).isEqualTo("RUNNING");
      assertThat(status.body().path("index").asString()).isEqualTo("opportunities");

      List<ServerSentEvent<Map>> events = progress(other.port(), job);
      assertThat(events).hasSizeGreaterThan(1);
      assertThat(events.getLast().data())
          .containsEntry("state", "SUCCEEDED")
          .containsEntry("percent", 100.0);
      assertThat(
              here.get("/api/admin/reindex/" + job, Tokens.admin()).body().path("state").asString())
          .isEqualTo("SUCCEEDED");
    }
  }

  /**
   * An instance that stops while its reindex runs records the job as interrupted, and the index may
   * be rebuilt at once.
   */
  @Test
  void aJobWhoseInstanceStopsIsInterruptedAndAnotherMayStart() throws Exception {
    Api here = new Api(port);
    publishedOpportunities(here, 20);
    String job;
    try (ServiceProcess other = ServiceProcess.start("--app.indexing.enabled=false")) {
      job = startSlowReindex(new Api(other.port()));
      assertThat(other.stop(Duration.ofSeconds(60)))
          .as("a graceful stop (exit code 0, or 128 + 15)")
          .isIn(0, 143);
    }
    Api.Response status = here.get("/api/admin/reindex/" + job, Tokens.admin());
    assertThat(status.body().path("state").asString()).isEqualTo("INTERRUPTED");
    assertThat(status.body().path("finishedAt").isNull()).isFalse();

    Api.Response again =
        here.post("/api/admin/reindex", Tokens.admin(), Map.of("index", "opportunities"));
    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    assertThat(progress(port, again.body().path("job").asString()).getLast().data())
        .containsEntry("state", "SUCCEEDED");
  }

  @Test
  void finishedJobsOlderThanAMonthArePrunedWhenTheNextStarts() {
    UUID old = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    for (UUID id : List.of(old, recent)) {
      database
          .sql(
              "insert into reindex_jobs (id, index_name, target, state, started_at, finished_at, instance)"
                  + " values (:id, 'volunteers', 'gone', 'SUCCEEDED', now() - make_interval(days => :days), now() - make_interval(days => :days), 'test')")
          .bind("id", id)
          .bind("days", id.equals(old) ? 31 : 29)
          .then()
          .block(Duration.ofSeconds(10));
    }
    Api api = new Api(port);
    Api.Response started =
        api.post("/api/admin/reindex", Tokens.admin(), Map.of("index", "volunteers"));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);

    assertThat(api.get("/api/admin/reindex/" + old, Tokens.admin()).status())
        .as("older than app.indexing.reindex.keep-finished")
        .isEqualTo(404);
    assertThat(
            api.get("/api/admin/reindex/" + recent, Tokens.admin()).body().path("state").asString())
        .isEqualTo("SUCCEEDED");
    assertThat(progress(port, started.body().path("job").asString()).getLast().data())
        .containsEntry("state", "SUCCEEDED");
  }

  @Test
  void anUnknownJobIsNotFound() {
    Api api = new Api(port);
    assertThat(api.get("/api/admin/reindex/" + UUID.randomUUID(), Tokens.admin()).status())
        .isEqualTo(404);
    assertThat(api.get("/api/admin/reindex/not-a-job", Tokens.admin()).status()).isEqualTo(404);
  }

  /**
   * A reindex of opportunities in about 20 throttled batches, whatever the database holds: several
   * seconds.
   */
  private String startSlowReindex(Api api) {
    long rows =
        database
            .sql("select count(*) as n from opportunities where status <> 'draft'")
            .map(r -> r.get("n", Long.class))
            .one()
            .block(Duration.ofSeconds(10));
    int batchSize = (int) Math.min(10_000, Math.max(1, rows / 20));
    Api.Response started =
        api.post(
            "/api/admin/reindex",
            Tokens.admin(),
            Map.of("index", "opportunities", "batchSize", batchSize, "throttleMillis", 300));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    return started.body().path("job").asString();
  }

  private static void publishedOpportunities(Api api, int count) {
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    for (int i = 0; i < count; i++) {
      fixtures.published(organization, 5);
    }
  }

  @Test
  void onlyAdminsReindexAndOnlyKnownIndexes() {
    Api api = new Api(port);
    assertThat(
            api.post(
                    "/api/admin/reindex",
                    Tokens.volunteer(UUID.randomUUID()),
                    Map.of("index", "opportunities"))
                .status())
        .isEqualTo(403);
    assertThat(api.post("/api/admin/reindex", null, Map.of("index", "opportunities")).status())
        .isEqualTo(401);
    Api.Response unknown =
        api.post("/api/admin/reindex", Tokens.admin(), Map.of("index", "everything"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("type").asString()).isEqualTo("/problems/not-found");
  }

  private static List<ServerSentEvent<Map>> progress(int port, String job) {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(60))
        .build()
        .get()
        .uri("/api/admin/reindex/" + job + "/progress")
        .header("Authorization", "Bearer " + Tokens.admin())
        .accept(MediaType.TEXT_EVENT_STREAM)
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map>>() {})
        .getResponseBody()
        .collectList()
        .block(Duration.ofSeconds(60));
  }

  private String aliasTarget() throws IOException {
    var targets = elasticsearch.indices().getAlias(a -> a.name(OPPORTUNITIES)).aliases().keySet();
    assertThat(targets).hasSize(1);
    return targets.iterator().next();
  }

  private long version(UUID id) {
    return database
        .sql("select version from opportunities where id = :id")
        .bind("id", id)
        .map(row -> row.get("version", Long.class))
        .one()
        .block(Duration.ofSeconds(10));
  }
}
