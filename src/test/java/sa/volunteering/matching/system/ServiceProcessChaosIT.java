package sa.volunteering.matching.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.indexing.IndexingProperties;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.ChaosWorkload;
import sa.volunteering.matching.support.FaultyProxy;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.RawStream;
import sa.volunteering.matching.support.ServiceProcess;
import sa.volunteering.matching.support.TestEnvironment;

/**
 * The packaged service as a process of its own, draining a backlog of changes through a slowed
 * Elasticsearch: killed with SIGKILL mid-drain, then stopped with SIGTERM mid-drain with a stream
 * open and a search waiting on Elasticsearch, then started again. No outbox row is ever marked done
 * that Elasticsearch did not take; after SIGTERM the search answers 200, the stream ends with its
 * closing event and the process within the shutdown grace period; after the restart the index
 * converges. Runs in the failsafe execution "chaos", where the test's own service instance does not
 * index, so the process is the only indexer.
 */
@IntegrationTest
class ServiceProcessChaosIT {

  private static final int BACKLOG = 200;

  /**
   * Each request to Elasticsearch waits this long, so that a drain lasts long enough to be
   * interrupted.
   */
  private static final Duration SLOW = Duration.ofMillis(150);

  private static final Duration GRACE = Duration.ofSeconds(20);

  @LocalServerPort int port;

  @Autowired DatabaseClient database;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired IndexingProperties configured;

  @Test
  void killedOrStoppedMidDrainItAcknowledgesNothingUnindexedAndConvergesAfterARestart()
      throws Exception {
    assumeThat(configured.enabled())
        .as(
            "runs only in the failsafe execution \"chaos\", where the test's own instance does not index")
        .isFalse();
    ChaosWorkload workload = new ChaosWorkload(new Api(port), database, 1515);
    try (FaultyProxy slow = FaultyProxy.relayToTheStack()) {
      slow.delay(SLOW);
      String[] slowly = {
        "--spring.elasticsearch.uris=" + slow.uri(), "--app.indexing.batch-size=5"
      };

      long killedWithPending = Long.MAX_VALUE;
      long stoppedWithPending = Long.MAX_VALUE;
      long wrongAfterKill = 0;
      long wrongAfterStop = 0;
      java.util.Set<Integer> exitCodes = new java.util.TreeSet<>();
      long stopMs = 0;
      String lastLine = "(none)";
      int inFlightSearch = 0;
      for (int round = 0; round < ChaosWorkload.ROUNDS; round++) {
        write(workload, BACKLOG);
        try (ServiceProcess first = ServiceProcess.start(slowly)) {
          awaitDrainUnderWay(workload);
          first.kill();
          killedWithPending = Math.min(killedWithPending, workload.pending());
        }
        wrongAfterKill += workload.doneButNotIndexed(elasticsearch, TestEnvironment.PREFIX);

        write(workload, BACKLOG);
        try (ServiceProcess second = ServiceProcess.start(slowly);
            RawStream stream =
                new RawStream(
                    second.port(), "/api/stats/live", "application/x-ndjson", 64 * 1024)) {
          assertThat(stream.status()).isEqualTo(200);
          awaitDrainUnderWay(workload);
          int requestsBefore = slow.requests.size();
          CompletableFuture<HttpResponse<String>> search =
              HttpClient.newHttpClient()
                  .sendAsync(
                      HttpRequest.newBuilder(
                              URI.create(
                                  "http://127.0.0.1:"
                                      + second.port()
                                      + Api.query("/api/opportunities/search", "q", "تطوع")))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          awaitSearchAtElasticsearch(slow, requestsBefore);
          long started = System.nanoTime();
          exitCodes.add(second.stop(GRACE.plusSeconds(10)));
          int answered = search.get(5, TimeUnit.SECONDS).statusCode();
          inFlightSearch = inFlightSearch == 0 || inFlightSearch == 200 ? answered : inFlightSearch;
          stopMs = Math.max(stopMs, Duration.ofNanos(System.nanoTime() - started).toMillis());
          stoppedWithPending = Math.min(stoppedWithPending, workload.pending());
          List<String> tail = rest(stream);
          String last = tail.isEmpty() ? "(none)" : tail.get(tail.size() - 1);
          lastLine =
              lastLine.equals("(none)") || last.equals(lastLine) ? last : lastLine + " / " + last;
        }
        wrongAfterStop += workload.doneButNotIndexed(elasticsearch, TestEnvironment.PREFIX);
      }

      long converged;
      long readyMs;
      try (ServiceProcess third = ServiceProcess.start()) {
        readyMs = third.readyMs();
        converged = workload.awaitIndexed(Duration.ofSeconds(120));
        third.stop(GRACE.plusSeconds(10));
      }
      int lost = workload.documentsWrongOrLost(elasticsearch, TestEnvironment.PREFIX);
      System.out.printf(
          "fault test, service process: %d writes (%d acknowledged); %d SIGKILL mid-drain (at least %d rows pending), rows"
              + " done but not indexed: %d; %d SIGTERM mid-drain (at least %d rows pending): exit codes %s, stopped in %d ms at"
              + " most (grace %d s), searches in flight answered %d (the first other than 200, if any), streams ended with %s, rows done but not indexed: %d; restarted (ready in %d ms), converged in %d ms,"
              + " documents wrong or lost: %d, parked: %d%n",
          workload.writes(),
          workload.acknowledgedWrites(),
          ChaosWorkload.ROUNDS,
          killedWithPending,
          wrongAfterKill,
          ChaosWorkload.ROUNDS,
          stoppedWithPending,
          exitCodes,
          stopMs,
          GRACE.toSeconds(),
          inFlightSearch,
          lastLine,
          wrongAfterStop,
          readyMs,
          converged,
          lost,
          workload.parked());
      assertThat(killedWithPending).as("killed while rows were pending").isPositive();
      assertThat(stoppedWithPending).as("stopped while rows were pending").isPositive();
      assertThat(wrongAfterKill)
          .as("rows marked done that Elasticsearch did not take, after SIGKILL")
          .isZero();
      assertThat(wrongAfterStop)
          .as("rows marked done that Elasticsearch did not take, after SIGTERM")
          .isZero();
      assertThat(exitCodes)
          .as(
              "exit codes after SIGTERM (143 = 128 + 15: the JVM ends on the signal once shutdown is done)")
          .isSubsetOf(0, 143);
      assertThat(stopMs).as("stopped within the grace period").isLessThan(GRACE.toMillis());
      assertThat(inFlightSearch)
          .as("a search waiting on Elasticsearch when SIGTERM came")
          .isEqualTo(200);
      assertThat(lastLine).isEqualTo("{\"type\":\"closing\",\"reason\":\"shutdown\"}");
      assertThat(lost).as("documents that differ from PostgreSQL").isZero();
      assertThat(workload.parked()).as("rows given up on").isZero();
    }
  }

  private static void write(ChaosWorkload workload, int changes) {
    for (int i = 0; i < changes; i++) {
      workload.change();
    }
  }

  /**
   * Waits until the process has indexed some of the backlog, and fails if it indexed all of it
   * before it could be interrupted.
   */
  private static void awaitDrainUnderWay(ChaosWorkload workload) throws InterruptedException {
    long initial = workload.pending();
    await("the process began draining " + initial + " pending rows")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> workload.pending() < initial);
    assertThat(workload.pending())
        .as("rows still pending when the process is interrupted")
        .isPositive();
  }

  /**
   * Waits until a search the process makes reaches Elasticsearch (through the slow proxy, where it
   * waits).
   */
  private static void awaitSearchAtElasticsearch(FaultyProxy slow, int requestsBefore)
      throws InterruptedException {
    await("the search reached Elasticsearch")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(5))
        .until(
            () ->
                slow.requests.stream()
                    .skip(requestsBefore)
                    .anyMatch(request -> request.path().contains("/_search")));
  }

  private static List<String> rest(RawStream stream) throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    for (String line = stream.line(); line != null; line = stream.line()) {
      if (!line.isBlank() && !line.contains("\"heartbeat\"")) {
        lines.add(line);
      }
    }
    return lines;
  }
}
