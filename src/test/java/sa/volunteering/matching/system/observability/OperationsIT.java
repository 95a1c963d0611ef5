package sa.volunteering.matching.system.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.ElasticsearchAt;
import sa.volunteering.matching.support.FaultyProxy;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator relies on, with Elasticsearch behind a proxy the test slows down or takes away:
 * the request id in the JSON logs and in Elasticsearch's {@code X-Opaque-Id}, the Prometheus
 * metrics, readiness following the cluster, and clear 503/504 answers with {@code Retry-After}
 * (never a 500) while heap use stays bounded.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FaultyProxy PROXY = FaultyProxy.relayToTheStack();
  private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(2);

  @LocalServerPort int port;

  @LocalManagementPort int managementPort;

  /** The service talks to Elasticsearch through the proxy, in either mode of the test stack. */
  @TestConfiguration(proxyBeanMethods = false)
  static class ThroughTheProxy {
    @Bean
    @Primary
    ElasticsearchConnectionDetails throughTheProxy() {
      return ElasticsearchAt.address(PROXY.uri());
    }
  }

  @DynamicPropertySource
  static void proxyLimits(DynamicPropertyRegistry registry) {
    registry.add("app.elasticsearch.search.timeout", () -> SEARCH_TIMEOUT.toMillis() + "ms");
    registry.add("app.elasticsearch.search.max-wait", () -> "1s");
    registry.add("app.health.timeout", () -> "2s");
    registry.add("app.observability.access-log", () -> "true");
    // its indexer would claim other tests' outbox rows and fail them during the outages
    registry.add("app.indexing.enabled", () -> "false");
  }

  @AfterEach
  void endTheOutage() {
    PROXY.outage(FaultyProxy.Outage.NONE);
    PROXY.delay(Duration.ZERO);
  }

  @AfterAll
  static void closeProxy() {
    PROXY.close();
  }

  @Test
  void theRequestIdIsAnsweredLoggedAsJsonAndSentToElasticsearch(CapturedOutput output)
      throws InterruptedException {
    String id = "ops-" + UUID.randomUUID();
    HttpHeaders headers = new HttpHeaders();
    headers.set(RequestIds.HEADER, id);
    Api.Response search =
        api().getEncoded(Api.query("/api/opportunities/search", "q", "تطوع"), headers);

    assertThat(search.status()).isEqualTo(200);
    assertThat(search.headers().getFirst(RequestIds.HEADER)).isEqualTo(id);
    assertThat(PROXY.requests)
        .as("Elasticsearch requests made for the search")
        .anyMatch(request -> id.equals(request.opaqueId()) && request.path().contains("_search"));
    JsonNode access = accessLine(output, id);
    assertThat(access.path("http").path("response").path("status_code").asInt()).isEqualTo(200);
    assertThat(access.path("url").path("path").asString()).isEqualTo("/api/opportunities/search");
    assertThat(access.path("event").path("duration").asLong()).isPositive();

    Api.Response unnamed = api().get("/api/taxonomy/fields", null);
    assertThat(UUID.fromString(unnamed.headers().getFirst(RequestIds.HEADER))).isNotNull();
    HttpHeaders hostile = new HttpHeaders();
    hostile.set(RequestIds.HEADER, "a b\u0661<script>");
    String replaced =
        api().getEncoded("/api/taxonomy/fields", hostile).headers().getFirst(RequestIds.HEADER);
    assertThat(UUID.fromString(replaced))
        .as("an id that is not short and plain is replaced")
        .isNotNull();
  }

  @Test
  void prometheusHasLatencyPerEndpointElasticsearchCallsOutboxStreamsAndRateLimits()
      throws Exception {
    assertThat(
            api()
                .getEncoded(Api.query("/api/opportunities/search", "q", "ترميم"), new HttpHeaders())
                .status())
        .isEqualTo(200);
    HttpHeaders ndjson = new HttpHeaders();
    ndjson.set(HttpHeaders.ACCEPT, "application/x-ndjson");
    assertThat(
            api()
                .getEncoded(
                    Api.query("/api/opportunities/search/stream", "q", "ترميم", "limit", 5), ndjson)
                .status())
        .isEqualTo(200);

    String metrics = management().get("/actuator/prometheus", null).text();

    assertThat(metrics)
        .containsPattern(
            "http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/opportunities/search\"");
    assertThat(metrics)
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*uri=\"/api/opportunities/search/stream\"");
    assertThat(metrics)
        .containsPattern(
            "elasticsearch_calls_seconds_count\\{[^}]*lane=\"search\"[^}]*outcome=\"success\"[^}]*\\} [1-9]");
    assertThat(metrics)
        .containsPattern("elasticsearch_calls_seconds_bucket\\{[^}]*lane=\"indexing\"");
    assertThat(metrics).containsPattern("(?m)^outbox_backlog(\\{[^}]*\\})? ");
    assertThat(metrics).containsPattern("(?m)^outbox_oldest_age_seconds(\\{[^}]*\\})? ");
    assertThat(metrics).containsPattern("(?m)^outbox_parked(\\{[^}]*\\})? ");
    assertThat(metrics).containsPattern("(?m)^streams_open(\\{[^}]*\\})? 0");
    assertThat(metrics).containsPattern("http_rate_limited_total\\{[^}]*by=\"address\"");
    assertThat(metrics).containsPattern("elasticsearch_lane_refused_total\\{[^}]*lane=\"search\"");
  }

  @Test
  void readinessFollowsElasticsearchAndLivenessDoesNot() throws InterruptedException {
    assertThat(api().get("/readyz", null).status()).isEqualTo(200);
    PROXY.outage(FaultyProxy.Outage.RESET);

    assertThat(api().get("/readyz", null).status()).isEqualTo(503);
    assertThat(api().get("/livez", null).status()).isEqualTo(200);
    Api.Response readiness = management().get("/actuator/health/readiness", Tokens.admin());
    assertThat(readiness.status()).isEqualTo(503);
    assertThat(readiness.body().path("components").path("elasticsearch").path("status").asString())
        .isEqualTo("DOWN");
    assertThat(readiness.body().path("components").path("postgresql").path("status").asString())
        .isEqualTo("UP");

    PROXY.outage(FaultyProxy.Outage.NONE);
    assertThat(api().get("/readyz", null).status()).isEqualTo(200);
  }

  @Test
  void anUnreachableOrOverloadedClusterGives503AndASlowOne504WithRetryAfter() {
    Map<FaultyProxy.Outage, Integer> expected =
        Map.of(
            FaultyProxy.Outage.RESET,
            503,
            FaultyProxy.Outage.UNAVAILABLE,
            503,
            FaultyProxy.Outage.TOO_MANY_REQUESTS,
            503);
    for (Map.Entry<FaultyProxy.Outage, Integer> outage : expected.entrySet()) {
      PROXY.outage(outage.getKey());
      Api.Response search =
          api().getEncoded(Api.query("/api/opportunities/search", "q", "تطوع"), new HttpHeaders());
      assertThat(search.status())
          .as("search during %s", outage.getKey())
          .isEqualTo(outage.getValue());
      assertThat(search.headers().getFirst(HttpHeaders.RETRY_AFTER))
          .as("Retry-After during %s", outage.getKey())
          .isNotBlank();
      assertThat(search.headers().getContentType()).hasToString("application/problem+json");
      assertThat(search.body().path("detail").asString()).contains("search cluster");
    }
    PROXY.outage(FaultyProxy.Outage.NONE);

    PROXY.delay(SEARCH_TIMEOUT.plusSeconds(2));
    long started = System.nanoTime();
    Api.Response slow =
        api().getEncoded(Api.query("/api/opportunities/search", "q", "تطوع"), new HttpHeaders());
    long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
    assertThat(slow.status()).isEqualTo(504);
    assertThat(slow.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    assertThat(tookMs)
        .as("answered at the search timeout, not when Elasticsearch answered")
        .isLessThan(SEARCH_TIMEOUT.toMillis() + 1500);
  }

  @Test
  void aThousandSearchesAgainstASlowClusterAreRefusedQuicklyWithBoundedMemory() throws Exception {
    int requests = 1000;
    PROXY.delay(Duration.ofSeconds(3));
    long heapBefore = usedHeapAfterGc();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      URI uri =
          URI.create(
              "http://127.0.0.1:"
                  + port
                  + Api.query("/api/opportunities/search", "q", "تطوع " + i));
      answers.add(
          client.sendAsync(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    long peakHeap = 0;
    while (!answers.stream().allMatch(CompletableFuture::isDone)) {
      peakHeap =
          Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      Thread.sleep(50);
    }
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.join();
      statuses.merge(response.statusCode(), 1, Integer::sum);
      if (response.statusCode() >= 500) {
        assertThat(response.headers().firstValue(HttpHeaders.RETRY_AFTER))
            .as("Retry-After on %s", response.statusCode())
            .isPresent();
      }
    }
    PROXY.delay(Duration.ZERO);
    long heapAfter = usedHeapAfterGc();
    System.out.printf(
        "fault test, slow cluster (3 s per answer, search timeout %d s): %d searches in %d s, statuses %s, heap %d MB before,"
            + " %d MB at most during, %d MB after%n",
        SEARCH_TIMEOUT.toSeconds(),
        requests,
        seconds,
        statuses,
        heapBefore >> 20,
        peakHeap >> 20,
        heapAfter >> 20);
    assertThat(statuses.keySet())
        .as("only refusals and time-outs, never a 500")
        .isSubsetOf(503, 504);
    assertThat(statuses.getOrDefault(503, 0))
        .as("most refused for room at once")
        .isGreaterThan(requests / 2);
    assertThat(heapAfter - heapBefore).as("heap retained after the storm").isLessThan(64L << 20);
  }

  private Api api() {
    return new Api(port);
  }

  private Api management() {
    return new Api(managementPort);
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * The request's access log line, written when its response has ended: a moment after the client
   * has read it.
   */
  private static JsonNode accessLine(CapturedOutput output, String id) throws InterruptedException {
    return await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .alias("a JSON access log line with request id " + id)
        .until(
            () ->
                logLines(output).stream()
                    .filter(
                        json ->
                            id.equals(json.path(RequestIds.KEY).asString(null))
                                && "access".equals(json.path("log").path("logger").asString(null)))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static List<JsonNode> logLines(CapturedOutput output) {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : output.getOut().split("\n")) {
      if (line.startsWith("{")) {
        try {
          lines.add(JSON.readTree(line));
        } catch (RuntimeException notJson) {
          // a line another thread interleaved
        }
      }
    }
    return lines;
  }

  private static String tail(CapturedOutput output) {
    String out = output.getOut();
    return out.substring(Math.max(0, out.length() - 3000));
  }
}
