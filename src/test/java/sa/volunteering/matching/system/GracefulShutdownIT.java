package sa.volunteering.matching.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import sa.volunteering.matching.OpportunityMatchingApplication;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.FaultyProxy;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.RawStream;
import sa.volunteering.matching.support.TestEnvironment;
import sa.volunteering.matching.support.Tokens;

/**
 * A second instance of the service, started in this JVM and closed as SIGTERM closes it: a search already waiting on
 * a slow Elasticsearch finishes with 200, open streams end with a closing event (SSE and NDJSON alike) instead of
 * being cut, and the instance is gone well within its shutdown grace period.
 */
@IntegrationTest
class GracefulShutdownIT {

  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

  @Test
  void inFlightRequestsFinishAndStreamsEndWithAClosingEvent() throws Exception {
    try (FaultyProxy proxy = FaultyProxy.relayToTheStack()) {
      ConfigurableApplicationContext instance = start(proxy);
      int port = Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
      try (RawStream sse = new RawStream(port, "/api/stats/live", "text/event-stream", 64 * 1024);
          RawStream ndjson = new RawStream(port, "/api/stats/live", "application/x-ndjson", 64 * 1024)) {
        assertThat(sse.status()).isEqualTo(200);
        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(sse.line()).isEqualTo("event: indicators");
        assertThat(ndjson.line()).contains("\"type\":\"indicators\"");

        proxy.delay(SLOW_ANSWER);
        CompletableFuture<HttpResponse<String>> search = HttpClient.newHttpClient().sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Api.query("/api/opportunities/search", "q", "تطوع"))).build(),
            HttpResponse.BodyHandlers.ofString());
        awaitForwarded(proxy, search);

        long started = System.nanoTime();
        CompletableFuture<Void> closed = CompletableFuture.runAsync(instance::close);
        List<String> sseTail = rest(sse);
        List<String> ndjsonTail = rest(ndjson);
        closed.get(GRACE.toSeconds() + 10, java.util.concurrent.TimeUnit.SECONDS);
        long closeMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        HttpResponse<String> answer = search.get(5, java.util.concurrent.TimeUnit.SECONDS);
        System.out.printf("fault test, graceful shutdown: closed in %d ms (grace %d s), the search waiting on Elasticsearch answered %d,"
            + " SSE ended with %s, NDJSON with %s%n", closeMs, GRACE.toSeconds(), answer.statusCode(), lastEvent(sseTail), lastLine(ndjsonTail));
        assertThat(answer.statusCode()).as("the search in flight when shutdown began").isEqualTo(200);
        assertThat(lastEvent(sseTail)).isEqualTo("event: closing");
        assertThat(sseTail).contains("data: {\"reason\":\"shutdown\"}");
        assertThat(lastLine(ndjsonTail)).isEqualTo("{\"type\":\"closing\",\"reason\":\"shutdown\"}");
        assertThat(closeMs).as("gone within the grace period").isLessThan(GRACE.toMillis());
      } finally {
        instance.close();
      }
    }
  }

  private static ConfigurableApplicationContext start(FaultyProxy proxy) {
    // as command-line arguments: they outrank application.yml, which default properties do not
    return new SpringApplicationBuilder(OpportunityMatchingApplication.class).run(
        "--server.port=0",
        "--management.server.port=0",
        "--spring.elasticsearch.uris=" + proxy.uri(),
        "--spring.lifecycle.timeout-per-shutdown-phase=" + GRACE.toSeconds() + "s",
        "--spring.r2dbc.password=" + System.getenv().getOrDefault("SPRING_R2DBC_PASSWORD", "volunteering"),
        "--app.search.index.prefix=" + TestEnvironment.PREFIX,
        "--app.security.jwt-secret=" + Tokens.SECRET,
        "--app.security.national-id-key=" + Tokens.NATIONAL_ID_KEY,
        "--app.indexing.enabled=false",
        "--app.rate-limit.enabled=false",
        "--app.stats.live-every=200ms");
  }

  private static void awaitForwarded(FaultyProxy proxy, CompletableFuture<HttpResponse<String>> search) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (proxy.requests.stream().noneMatch(request -> request.path().contains("_search"))) {
      assertThat(System.nanoTime()).as("the search reached Elasticsearch (search %s, requests relayed %s)",
          search.isDone() ? search.join().statusCode() : "waiting",
          proxy.requests.stream().map(FaultyProxy.Request::path).toList()).isLessThan(deadline);
      Thread.sleep(20);
    }
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
    return lines.stream().filter(line -> line.startsWith("event: ")).reduce((first, second) -> second).orElse("(none)");
  }

  private static String lastLine(List<String> lines) {
    return lines.isEmpty() ? "(none)" : lines.get(lines.size() - 1);
  }
}
