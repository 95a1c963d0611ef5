package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.ChaosWorkload;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Stack;
import sa.volunteering.matching.support.TestEnvironment;

/**
 * The service on a three-node cluster (bin/stack cluster, one replica per index) while one node is
 * killed with SIGKILL during searches and indexing: searches keep answering, indexing completes, no
 * document is lost. Runs in the failsafe execution "chaos", where its own indexer is the only one;
 * starts the cluster and stops it at the end.
 */
@IntegrationTest
class ClusterChaosIT {

  private static final String NODES =
      "http://127.0.0.1:9201,http://127.0.0.1:9202,http://127.0.0.1:9203";
  private static final int CHANGES_BEFORE = 60;
  private static final int CHANGES_AFTER = 60;

  @LocalServerPort int port;

  @Autowired ApplicationContext context;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired DatabaseClient database;

  @Autowired IndexingProperties configured;

  @DynamicPropertySource
  static void onTheCluster(DynamicPropertyRegistry registry) {
    Stack.run("cluster", "up");
    registry.add("spring.elasticsearch.uris", () -> NODES);
    registry.add("app.search.index.replicas", () -> "1");
  }

  @AfterAll
  static void stopTheCluster() {
    Stack.run("cluster", "down");
  }

  @Test
  void searchesKeepAnsweringAndNothingIsLostWhenANodeDies() throws Exception {
    assumeThat(configured.enabled())
        .as("runs only in the failsafe execution \"chaos\", where the background indexer is off")
        .isFalse();
    IndexingProperties service = configured.withIndexing();
    OutboxIndexer indexer = OwnIndexers.indexer(context, service);
    elasticsearch
        .cluster()
        .health(
            h ->
                h.index(TestEnvironment.PREFIX + "*")
                    .waitForStatus(HealthStatus.Green)
                    .timeout(t -> t.time("120s")));
    Api api = new Api(port);
    ChaosWorkload workload = new ChaosWorkload(api, database, 3);
    AtomicBoolean searching = new AtomicBoolean(true);
    Map<Integer, Integer> before = new TreeMap<>();
    Map<Integer, Integer> after = new TreeMap<>();
    AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
    CompletableFuture<Void> searches =
        CompletableFuture.runAsync(
            () -> {
              while (searching.get()) {
                int status =
                    api.getEncoded(
                            Api.query("/api/opportunities/search", "q", "تنظيم المتطوعين"),
                            new HttpHeaders())
                        .status();
                synchronized (before) {
                  (System.nanoTime() < killedAt.get() ? before : after)
                      .merge(status, 1, Integer::sum);
                }
              }
            });
    long converged;
    long killMs = 0;
    indexer.start();
    try {
      for (int round = 0; round < ChaosWorkload.ROUNDS; round++) {
        String node = String.valueOf(1 + round % 3);
        if (round > 0) {
          Stack.run("cluster", "start", String.valueOf(1 + (round - 1) % 3));
        }
        for (int i = 0; i < CHANGES_BEFORE; i++) {
          workload.change();
        }
        killedAt.compareAndSet(Long.MAX_VALUE, System.nanoTime());
        killMs = Math.max(killMs, Stack.run("cluster", "kill", node));
        for (int i = 0; i < CHANGES_AFTER; i++) {
          workload.change();
        }
      }
      converged = workload.awaitIndexed(configured.maxBackoff().plusSeconds(90));
      Thread.sleep(2000);
    } finally {
      searching.set(false);
      indexer.stop();
    }
    searches.get(60, java.util.concurrent.TimeUnit.SECONDS);
    int lost = workload.documentsWrongOrLost(elasticsearch, TestEnvironment.PREFIX);
    int afterTotal = after.values().stream().mapToInt(Integer::intValue).sum();
    int afterAnswered = after.getOrDefault(200, 0);
    System.out.printf(
        "fault test, cluster node killed: 3 nodes, 1 replica, %d node kills with SIGKILL (each started again before the"
            + " next; a kill took %d ms at most); searches before the first kill %s,"
            + " after %s; %d writes (%d acknowledged, statuses %s), documents wrong or lost: %d, parked: %d, converged %d ms after the"
            + " last write%n",
        ChaosWorkload.ROUNDS,
        killMs,
        before,
        after,
        workload.writes(),
        workload.acknowledgedWrites(),
        workload.statuses(),
        lost,
        workload.parked(),
        converged);
    assertThat(afterTotal).as("searches made after the first kill").isGreaterThan(20);
    assertThat(after.keySet())
        .as("searches after the kill never fail with a 500")
        .allMatch(status -> status == 200 || status == 503 || status == 504);
    assertThat(afterAnswered)
        .as("searches answered after the kill, of %d", afterTotal)
        .isGreaterThanOrEqualTo(afterTotal * 95 / 100);
    assertThat(lost).as("documents that differ from PostgreSQL").isZero();
    assertThat(workload.parked()).as("rows given up on").isZero();
    assertThat(workload.wrongAnswers())
        .as("answers that are never right, in %s", workload.statuses())
        .isZero();
  }

  /**
   * The cluster outlives the run (its data stays for the next): the run's indexes go before it
   * stops.
   */
  @org.junit.jupiter.api.AfterEach
  void deleteTheRunsIndexes() throws java.io.IOException {
    TestEnvironment.deleteIndexes(elasticsearch);
  }
}
