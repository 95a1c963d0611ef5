package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.concurrent.CompletableFuture;
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
 * PostgreSQL restarted (fast: every connection cut, transactions in flight rolled back) while
 * changes are written and the outbox drains: clients get 503 problems or real successes, never a
 * 500; every acknowledged change is in PostgreSQL with its outbox row; the index converges and
 * nothing is given up on. Runs in the failsafe execution "chaos" and restarts the stack's
 * PostgreSQL through bin/stack.
 */
@IntegrationTest
class PostgresRestartChaosIT {

  private static final int CHANGES_BEFORE = 60;
  private static final int CHANGES_AFTER = 60;
  private static final int RESTARTS = 2 * ChaosWorkload.ROUNDS;

  @LocalServerPort int port;

  @Autowired ApplicationContext context;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired DatabaseClient database;

  @Autowired IndexingProperties configured;

  @Test
  void writesDuringARestartAreAcknowledgedAndKeptOrRefusedWith503AndTheIndexConverges()
      throws Exception {
    assumeThat(configured.enabled())
        .as("runs only in the failsafe execution \"chaos\", where the background indexer is off")
        .isFalse();
    IndexingProperties service = configured.withIndexing();
    OutboxIndexer indexer = OwnIndexers.indexer(context, service);
    ChaosWorkload workload = new ChaosWorkload(new Api(port), database, 5432);
    int duringRestarts = 0;
    long converged;
    indexer.start();
    try {
      for (int restart = 0; restart < RESTARTS; restart++) {
        for (int i = 0; i < CHANGES_BEFORE; i++) {
          workload.change();
        }
        CompletableFuture<Long> restarting =
            CompletableFuture.supplyAsync(() -> Stack.run("restart", "postgresql"));
        while (!restarting.isDone()) {
          workload.change();
          duringRestarts++;
        }
        restarting.join();
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
        "fault test, postgresql restarted: %d writes (%d during %d fast restarts; %d acknowledged; statuses %s),"
            + " acknowledged but missing: %d, half written: %d, documents wrong or lost: %d, parked: %d, converged %d ms after the last write%n",
        workload.writes(),
        duringRestarts,
        RESTARTS,
        workload.acknowledgedWrites(),
        workload.statuses(),
        workload.acknowledgedButMissing(),
        workload.withoutOutboxRow(),
        lost,
        workload.parked(),
        converged);
    assertThat(workload.wrongAnswers())
        .as("answers that are never right, in %s", workload.statuses())
        .isZero();
    assertThat(workload.acknowledgedButMissing())
        .as("acknowledged writes PostgreSQL does not hold")
        .isZero();
    assertThat(workload.withoutOutboxRow()).as("rows whose change has no outbox row").isZero();
    assertThat(lost).as("documents that differ from PostgreSQL").isZero();
    assertThat(workload.parked()).as("rows given up on").isZero();
  }
}
