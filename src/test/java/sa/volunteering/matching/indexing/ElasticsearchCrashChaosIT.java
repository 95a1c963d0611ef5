package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.ChaosWorkload;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Stack;
import sa.volunteering.matching.support.TestEnvironment;

/**
 * Elasticsearch killed with SIGKILL while changes are written and indexed, and started again: every
 * change PostgreSQL acknowledged ends in the index at its version, nothing is given up on, within
 * the indexer's longest backoff of Elasticsearch being green again. The indexer runs with the
 * service's own settings. Runs in the failsafe execution "chaos" (no other indexer in the JVM) and
 * restarts the stack's Elasticsearch through bin/stack.
 */
@IntegrationTest
class ElasticsearchCrashChaosIT {

  private static final int CHANGES_BEFORE = 40;
  private static final int CHANGES_DURING = 60;
  private static final int CHANGES_AFTER = 40;

  @LocalServerPort int port;

  @Autowired ApplicationContext context;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired DatabaseClient database;

  @Autowired IndexingProperties configured;

  @Test
  void everyAcknowledgedChangeIsIndexedAfterElasticsearchIsKilledAndStartedAgain()
      throws Exception {
    assumeThat(configured.enabled())
        .as("runs only in the failsafe execution \"chaos\", where the background indexer is off")
        .isFalse();
    IndexingProperties service = configured.withIndexing();
    OutboxIndexer indexer = OwnIndexers.indexer(context, service);
    ChaosWorkload workload = new ChaosWorkload(new Api(port), database, 911);
    indexer.start();
    long downMs = 0;
    long restartMs = 0;
    long converged;
    try {
      for (int round = 0; round < ChaosWorkload.ROUNDS; round++) {
        for (int i = 0; i < CHANGES_BEFORE; i++) {
          workload.change();
        }
        long killed = System.nanoTime();
        Stack.run("kill", "elasticsearch");
        for (int i = 0; i < CHANGES_DURING; i++) {
          workload.change();
        }
        restartMs = Math.max(restartMs, Stack.run("start", "elasticsearch"));
        downMs = Math.max(downMs, Duration.ofNanos(System.nanoTime() - killed).toMillis());
      }
      for (int i = 0; i < CHANGES_AFTER; i++) {
        workload.change();
      }
      converged = workload.awaitIndexed(service.maxBackoff().plusSeconds(90));
    } finally {
      indexer.stop();
    }
    int lost = workload.documentsWrongOrLost(elasticsearch, TestEnvironment.PREFIX);
    System.out.printf(
        "fault test, elasticsearch killed: %d writes (%d acknowledged, statuses %s), %d SIGKILL, Elasticsearch down %d ms"
            + " at most (its start took %d ms at most), documents wrong or lost: %d, parked: %d, converged %d ms after the last write"
            + " (max backoff %d s)%n",
        workload.writes(),
        workload.acknowledgedWrites(),
        workload.statuses(),
        ChaosWorkload.ROUNDS,
        downMs,
        restartMs,
        lost,
        workload.parked(),
        converged,
        service.maxBackoff().toSeconds());
    assertThat(lost).as("documents that differ from PostgreSQL").isZero();
    assertThat(workload.parked()).as("rows given up on during the outage").isZero();
    assertThat(workload.wrongAnswers())
        .as("answers that are never right, in %s", workload.statuses())
        .isZero();
    assertThat(workload.acknowledgedButMissing())
        .as("acknowledged writes PostgreSQL does not hold")
        .isZero();
  }
}
