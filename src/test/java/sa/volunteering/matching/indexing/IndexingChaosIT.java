package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.FaultyProxy;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.TestEnvironment;
import sa.volunteering.matching.support.Tokens;

/**
 * Hundreds of random changes while indexers restart and Elasticsearch, behind a faulty proxy, answers
 * 429 and 503 and drops connections after doing the work. Afterwards every document equals its row at the
 * same version, and rows that left the index are absent. Runs in a JVM of its own with the service's
 * background indexer off (failsafe execution "chaos"), so that only the faulty indexers index.
 */
@IntegrationTest
class IndexingChaosIT {

  private static final String OPPORTUNITIES = TestEnvironment.PREFIX + "opportunities";
  private static final String VOLUNTEERS = TestEnvironment.PREFIX + "volunteers";
  private static final int CHANGES = 300;

  @LocalServerPort
  int port;

  @Value("${spring.elasticsearch.uris}")
  String elasticsearchUri;

  @Autowired
  OutboxQueue queue;

  @Autowired
  sa.volunteering.matching.search.ElasticsearchLanes lanes;

  @Autowired
  DocumentLoader documents;

  @Autowired
  TransactionalOperator transaction;

  @Autowired
  ConnectionFactory connections;

  @Autowired
  sa.volunteering.matching.system.PostgresNotifications notifications;

  @Autowired
  IndexedOpportunities announcements;

  @Autowired
  JsonpMapper mapper;

  @Autowired
  ElasticsearchClient elasticsearch;

  @Autowired
  DatabaseClient database;

  @Autowired
  IndexingProperties configured;

  @Test
  void everyDocumentEndsEqualToItsRowDespiteFaultsAndRestarts() throws Exception {
    assumeThat(configured.enabled()).as("runs only in the failsafe execution \"chaos\", where the background indexer is off").isFalse();
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    Random random = new Random(20261129);
    IndexingProperties fast = new IndexingProperties(true, 40, Duration.ofMillis(50), 1000,
        Duration.ofMillis(5), Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(10));

    try (FaultyProxy proxy = new FaultyProxy(URI.create(elasticsearchUri.split(",")[0]), 42, 0.3);
        Rest5Client rest = Rest5Client.builder(proxy.uri()).build()) {
      ElasticsearchAsyncClient faulty = new ElasticsearchAsyncClient(new Rest5ClientTransport(rest, mapper));
      UUID organization = fixtures.organization();
      List<UUID> opportunities = new ArrayList<>();
      List<UUID> volunteers = new ArrayList<>();
      OutboxIndexer indexer = start(faulty, fast);
      int restarts = 0;
      long started = System.nanoTime();

      for (int change = 0; change < CHANGES; change++) {
        applyRandomChange(api, fixtures, random, organization, opportunities, volunteers);
        if (change % 60 == 59) {
          indexer.stop();
          indexer = start(faulty, fast);
          restarts++;
        }
      }
      long converged = awaitEmptyOutbox(indexer, concat(opportunities, volunteers, List.of(organization)));
      indexer.stop();
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

      int lost = 0;
      for (UUID id : opportunities) {
        lost += mismatches("opportunities", OPPORTUNITIES, id, status -> !"draft".equals(status));
      }
      for (UUID id : volunteers) {
        lost += mismatches("volunteers", VOLUNTEERS, id, "active"::equals);
      }
      System.out.printf("fault test, indexing chaos: %d changes, %d restarts, %d faults injected (%d x429, %d x503, %d dropped after forwarding),"
              + " %d requests forwarded, documents wrong or lost: %d, converged %d ms after the last change, %d s in all%n",
          CHANGES, restarts, proxy.faults(), proxy.tooManyRequests.get(), proxy.unavailable.get(), proxy.dropped.get(),
          proxy.forwarded.get(), lost, converged, seconds);
      assertThat(proxy.faults()).as("faults were injected").isGreaterThan(20);
      assertThat(lost).as("documents that differ from PostgreSQL").isZero();
      assertThat(parked(concat(opportunities, volunteers, List.of(organization)))).as("rows given up on").isZero();
    }
  }

  private OutboxIndexer start(ElasticsearchAsyncClient client, IndexingProperties properties) {
    OutboxIndexer indexer = new OutboxIndexer(queue, documents, new BulkIndexer(client, lanes, properties), transaction, notifications, announcements, properties);
    indexer.start();
    return indexer;
  }

  private void applyRandomChange(Api api, Fixtures fixtures, Random random, UUID organization,
      List<UUID> opportunities, List<UUID> volunteers) {
    String member = Tokens.member(organization);
    int dice = random.nextInt(100);
    if (opportunities.size() < 5 || dice < 25) {
      UUID id = random.nextBoolean() ? fixtures.published(organization, 1 + random.nextInt(20)) : fixtures.draft(organization, 5);
      opportunities.add(id);
    } else if (dice < 55) {
      UUID id = opportunities.get(random.nextInt(opportunities.size()));
      Long version = rowVersion("opportunities", id);
      if (version != null) {
        Map<String, Object> body = new HashMap<>(Fixtures.opportunityBody(1 + random.nextInt(50)));
        body.put("titleAr", "فرصة رقم " + random.nextInt(10_000));
        body.put("version", version);
        api.put("/api/opportunities/" + id, member, body);
      }
    } else if (dice < 65) {
      api.post("/api/opportunities/" + opportunities.get(random.nextInt(opportunities.size())) + "/publish", member, null);
    } else if (dice < 72) {
      api.post("/api/opportunities/" + opportunities.get(random.nextInt(opportunities.size())) + "/close", member, null);
    } else if (dice < 80) {
      api.delete("/api/opportunities/" + opportunities.get(random.nextInt(opportunities.size())), member);
    } else if (volunteers.size() < 3 || dice < 90) {
      volunteers.add(fixtures.volunteer());
    } else if (dice < 96) {
      UUID id = volunteers.get(random.nextInt(volunteers.size()));
      Long version = rowVersion("volunteers", id);
      if (version != null) {
        Map<String, Object> profile = new HashMap<>(Fixtures.profileBody(version));
        profile.put("travelKm", random.nextInt(200));
        api.put("/api/volunteers/me", Tokens.volunteer(id), profile);
      }
    } else {
      api.delete("/api/volunteers/me", Tokens.volunteer(volunteers.get(random.nextInt(volunteers.size()))));
    }
  }

  /** Waits until no row about these aggregates is pending; returns how long that took, in milliseconds. */
  private long awaitEmptyOutbox(OutboxIndexer indexer, List<UUID> ids) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      Long pending = database.sql("select count(*) as n from outbox where processed_at is null and parked_at is null and aggregate_id = any(:ids)")
          .bind("ids", ids.toArray(UUID[]::new)).map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
      if (pending == 0) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the outbox did not drain within 120 s");
  }

  private int mismatches(String table, String index, UUID id, java.util.function.Predicate<String> belongsInIndex) throws IOException {
    Map<String, Object> row = database.sql("select version, status from " + table + " where id = :id").bind("id", id)
        .map(r -> Map.<String, Object>of("version", r.get("version", Long.class), "status", r.get("status", String.class)))
        .one().block(Duration.ofSeconds(10));
    GetResponse<Map> document = elasticsearch.get(g -> g.index(index).id(id.toString()), Map.class);
    boolean shouldExist = row != null && belongsInIndex.test((String) row.get("status"));
    if (!shouldExist) {
      return document.found() ? 1 : 0;
    }
    boolean equal = document.found() && document.version() == (long) row.get("version")
        && row.get("status").equals(document.source().getOrDefault("status", row.get("status")));
    return equal ? 0 : 1;
  }

  private long parked(List<UUID> ids) {
    return database.sql("select count(*) as n from outbox where parked_at is not null and aggregate_id = any(:ids)")
        .bind("ids", ids.toArray(UUID[]::new)).map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
  }

  private Long rowVersion(String table, UUID id) {
    return database.sql("select version from " + table + " where id = :id").bind("id", id)
        .map(row -> row.get("version", Long.class)).one().block(Duration.ofSeconds(10));
  }

  @SafeVarargs
  private static List<UUID> concat(List<UUID>... lists) {
    List<UUID> all = new ArrayList<>();
    for (List<UUID> list : lists) {
      all.addAll(list);
    }
    return all;
  }
}
