package sa.volunteering.matching.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.FaultyProxy;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.RawStream;
import sa.volunteering.matching.support.ServiceProcess;

/**
 * The packaged service as a process of its own, stopped with SIGTERM: a search already waiting on a
 * slow Elasticsearch finishes with 200, open streams end with a closing event (SSE and NDJSON
 * alike) instead of being cut, and the process is gone well within its shutdown grace period. (A
 * second instance inside the test JVM would not do: closing it disposes Reactor Netty's shared
 * event loops under the test contexts' own servers.)
 */
@IntegrationTest
class GracefulShutdownIT {

  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

  @Test
  void inFlightRequestsFinishAndStreamsEndWithAClosingEvent() throws Exception {
    try (FaultyProxy proxy = FaultyProxy.relayToTheStack();
        ServiceProcess instance =
            ServiceProcess.start(
                "--spring.elasticsearch.uris=" + proxy.uri(),
                "--spring.lifecycle.timeout-per-shutdown-phase=" + GRACE.toSeconds() + "s",
                "--app.indexing.enabled=false",
                "--app.stats.live-every=200ms")) {
      int port = instance.port();
      try (RawStream sse = new RawStream(port, "/api/stats/live", "text/event-stream", 64 * 1024);
          RawStream ndjson =
              new RawStream(port, "/api/stats/live", "application/x-ndjson", 64 * 1024)) {
        assertThat(sse.status()).isEqualTo(200);
        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(sse.line()).isEqualTo("event: indicators");
        assertThat(ndjson.line()).contains("\"type\":\"indicators\"");

        proxy.delay(SLOW_ANSWER);
        CompletableFuture<HttpResponse<String>> search =
            HttpClient.newHttpClient()
                .sendAsync(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://127.0.0.1:"
                                    + port
                                    + Api.query("/api/opportunities/search", "q", "تطوع")))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        awaitForwarded(proxy, search);

        long started = System.nanoTime();
        int exitCode = instance.stop(GRACE.plusSeconds(10));
        long stopMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        List<String> sseTail = rest(sse);
        List<String> ndjsonTail = rest(ndjson);

        HttpResponse<String> answer = search.get(5, java.util.concurrent.TimeUnit.SECONDS);
        System.out.printf(
            "fault test, graceful shutdown: SIGTERM to exit %d in %d ms (grace %d s), the search waiting on Elasticsearch"
                + " answered %d, SSE ended with %s, NDJSON with %s%n",
            exitCode,
            stopMs,
            GRACE.toSeconds(),
            answer.statusCode(),
            lastEvent(sseTail),
            lastLine(ndjsonTail));
        assertThat(answer.statusCode()).as("the search in flight when SIGTERM came").isEqualTo(200);
        assertThat(lastEvent(sseTail)).isEqualTo("event: closing");
        assertThat(sseTail).contains("data: {\"reason\":\"shutdown\"}");
        assertThat(lastLine(ndjsonTail))
            .isEqualTo("{\"type\":\"closing\",\"reason\":\"shutdown\"}");
        assertThat(exitCode).as("exit code after SIGTERM (128 + 15)").isIn(0, 143);
        assertThat(stopMs).as("gone within the grace period").isLessThan(GRACE.toMillis());
      }
    }
  }

  private static void awaitForwarded(
      FaultyProxy proxy, CompletableFuture<HttpResponse<String>> search)
      throws InterruptedException {
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(
            () ->
                assertThat(
                        proxy.requests.stream()
                            .anyMatch(request -> request.path().contains("_search")))
                    .as(
                        "the search reached Elasticsearch (search %s, requests relayed %s)",
                        search.isDone() ? search.join().statusCode() : "waiting",
                        proxy.requests.stream().map(FaultyProxy.Request::path).toList())
                    .isTrue());
  }

  /** The lines up to the end of the stream, heartbeats and blank lines left out. */
  private static List<String> rest(RawStream stream) throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    for (String line = stream.line(); line != null; line = stream.line()) {
      if (!line.isBlank() && !line.startsWith(":") && !line.contains("\"heartbeat\"")) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static String lastEvent(List<String> lines) {
    return lines.stream()
        .filter(line -> line.startsWith("event: "))
        .reduce((first, second) -> second)
        .orElse("(none)");
  }

  private static String lastLine(List<String> lines) {
    return lines.isEmpty() ? "(none)" : lines.get(lines.size() - 1);
  }
}
