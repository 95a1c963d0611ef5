package sa.volunteering.matching.search.opportunities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import sa.volunteering.matching.search.stream.StreamProperties;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.RawStream;
import sa.volunteering.matching.support.TestEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streamed search on the real node: every hit in order then a summary, SSE cursors and
 * resumption with Last-Event-ID, the limit, backpressure from a slow reader, and the point in time
 * closed when a client leaves.
 */
class StreamIT extends CorpusSearchTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ALIAS = TestEnvironment.PREFIX + "opportunities";

  /**
   * Large enough that the result does not fit in the socket buffers between the service and a
   * reader.
   */
  private static final int BULK_HITS = 30_000;

  @Autowired MeterRegistry meters;

  @Autowired StreamProperties limits;

  @Value("${spring.elasticsearch.uris}")
  String elasticsearchUri;

  final String bulkOrganization = UUID.randomUUID().toString();
  final List<String> bulkIds = new ArrayList<>();

  @AfterAll
  void removeBulkCorpus() throws IOException {
    for (int batch = 0; batch < bulkIds.size(); batch += 5_000) {
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      bulkIds
          .subList(batch, Math.min(bulkIds.size(), batch + 5_000))
          .forEach(id -> bulk.operations(op -> op.delete(d -> d.index(ALIAS).id(id))));
      elasticsearch.bulk(bulk.build());
    }
    elasticsearch.indices().refresh(r -> r.index(ALIAS));
  }

  @Test
  void ndjsonCarriesEveryHitInTheSearchOrderThenASummary() {
    List<JsonNode> lines = ndjson("sort", "soonest");
    List<JsonNode> hits = lines.subList(0, lines.size() - 1);
    assertThat(hits)
        .allSatisfy(
            line -> {
              assertThat(line.path("type").asString()).isEqualTo("hit");
              assertThat(line.path("cursor").asString()).isNotBlank();
            });
    assertThat(ids(hits)).isEqualTo(searchIds("sort", "soonest"));
    assertThat(hits).hasSize(SearchCorpus.ENTRIES.size() - 1);
    JsonNode summary = lines.get(lines.size() - 1);
    assertThat(summary.path("type").asString()).isEqualTo("summary");
    assertThat(summary.path("count").asInt()).isEqualTo(hits.size());
    assertThat(summary.path("complete").asBoolean()).isTrue();
    assertThat(summary.path("tookMs").asLong()).isNotNegative();
  }

  @Test
  void sseCarriesEachCursorAsItsIdAndLastEventIdResumesWithNoDuplicateAndNoGap() {
    for (Object[] query :
        List.of(
            new Object[] {"sort", "soonest"},
            new Object[] {"q", "الحجاج التطوع", "sort", "relevance"},
            new Object[] {"sort", "nearest", "lat", 24.7, "lon", 46.7})) {
      List<Map<String, String>> events = sse(null, query);
      List<Map<String, String>> hits =
          events.stream().filter(event -> "hit".equals(event.get("event"))).toList();
      assertThat(hits).hasSizeGreaterThan(4);
      assertThat(events.get(events.size() - 1).get("event")).isEqualTo("summary");
      List<String> all =
          hits.stream()
              .map(event -> JSON.readTree(event.get("data")).path("id").asString())
              .toList();
      for (int cut : List.of(1, 4, hits.size() - 1)) {
        List<Map<String, String>> resumed = sse(hits.get(cut - 1).get("id"), query);
        List<String> rest =
            resumed.stream()
                .filter(event -> "hit".equals(event.get("event")))
                .map(event -> JSON.readTree(event.get("data")).path("id").asString())
                .toList();
        assertThat(rest)
            .as("resumed after hit " + cut + " of " + java.util.Arrays.toString(query))
            .isEqualTo(all.subList(cut, all.size()));
      }
    }
  }

  @Test
  void aReconnectingPageThatOpenedAfterACursorResumesAfterItsLastEventNotAgainAfterTheCursor() {
    List<Map<String, String>> hits =
        sse(null, "sort", "soonest").stream()
            .filter(event -> "hit".equals(event.get("event")))
            .toList();
    List<String> all =
        hits.stream().map(event -> JSON.readTree(event.get("data")).path("id").asString()).toList();
    List<String> resumed =
        sse(hits.get(4).get("id"), "sort", "soonest", "after", hits.get(1).get("id")).stream()
            .filter(event -> "hit".equals(event.get("event")))
            .map(event -> JSON.readTree(event.get("data")).path("id").asString())
            .toList();
    assertThat(resumed).isEqualTo(all.subList(5, all.size()));
  }

  @Test
  void theStreamMarksTheTextOnlyWhenAskedAndLabelsInTheLanguageLangNames() {
    List<JsonNode> plain = ndjson("q", "الحجاج التطوع", "limit", 5);
    List<JsonNode> marked =
        ndjson("q", "الحجاج التطوع", "limit", 5, "highlight", true, "lang", "en");
    plain = plain.subList(0, plain.size() - 1);
    marked = marked.subList(0, marked.size() - 1);
    assertThat(ids(marked)).isEqualTo(ids(plain));
    assertThat(plain).allMatch(line -> line.path("hit").path("highlights").isEmpty());
    assertThat(marked).anyMatch(line -> !line.path("hit").path("highlights").isEmpty());
    assertThat(marked)
        .allMatch(
            line -> line.path("hit").path("city").path("label").asString().matches("[A-Za-z' -]+"));
    assertThat(plain)
        .allMatch(
            line ->
                !line.path("hit").path("city").path("label").asString().matches("[A-Za-z' -]+"));
    Api.Response french = stream(ndjsonHeaders(), "lang", "fr");
    assertThat(french.status()).isEqualTo(400);
    assertThat(french.body().path("errors").get(0).path("field").asString()).isEqualTo("lang");
  }

  @Test
  void ndjsonResumesAfterACursorToo() {
    List<JsonNode> hits = ndjson("sort", "newest");
    hits = hits.subList(0, hits.size() - 1);
    List<JsonNode> rest = ndjson("sort", "newest", "after", hits.get(9).path("cursor").asString());
    assertThat(ids(rest.subList(0, rest.size() - 1))).isEqualTo(ids(hits.subList(10, hits.size())));
  }

  @Test
  void theLimitCutsTheStreamAndTheSummarySaysSo() {
    List<JsonNode> five = ndjson("sort", "soonest", "limit", 5);
    assertThat(five).hasSize(6);
    assertThat(five.get(5).path("count").asInt()).isEqualTo(5);
    assertThat(five.get(5).path("complete").asBoolean()).isFalse();
    int all = SearchCorpus.ENTRIES.size() - 1;
    List<JsonNode> exactly = ndjson("sort", "soonest", "limit", all);
    assertThat(exactly.get(all).path("complete").asBoolean())
        .as("a limit equal to the result cuts nothing")
        .isTrue();
  }

  @Test
  void badStreamRequestsAnswer400Or406() {
    assertThat(stream(ndjsonHeaders(), "limit", limits.maxHits() + 1).status()).isEqualTo(400);
    assertThat(stream(ndjsonHeaders(), "limit", 0).status()).isEqualTo(400);
    assertThat(
            stream(ndjsonHeaders(), "after", "not-a-cursor")
                .body()
                .path("errors")
                .get(0)
                .path("field")
                .asString())
        .isEqualTo("after");
    String newest = ndjson("sort", "newest").get(0).path("cursor").asString();
    Api.Response otherSort = stream(ndjsonHeaders(), "sort", "soonest", "after", newest);
    assertThat(otherSort.status()).isEqualTo(400);
    assertThat(otherSort.body().path("detail").asString()).contains("sorted another way");
    HttpHeaders sse = new HttpHeaders();
    sse.set(HttpHeaders.ACCEPT, "text/event-stream");
    sse.set("Last-Event-ID", "garbage");
    assertThat(stream(sse).body().path("errors").get(0).path("field").asString())
        .isEqualTo("Last-Event-ID");
    HttpHeaders json = new HttpHeaders();
    json.set(HttpHeaders.ACCEPT, "application/json");
    Api.Response notAcceptable = stream(json);
    assertThat(notAcceptable.status()).isEqualTo(406);
    assertThat(stream(ndjsonHeaders(), "city", "atlantis").status()).isEqualTo(400);
  }

  @Test
  void aSlowReaderHoldsTheServerToAFewPagesAndStillGetsEveryHit() throws Exception {
    int pageSize = limits.pageSize();
    int pagesForAll = BULK_HITS / pageSize + 1;
    double before = pages();
    try (RawStream stream =
        new RawStream(
            port,
            Api.query(
                "/api/opportunities/search/stream",
                "organization",
                bulkOrganization,
                "sort",
                "soonest"),
            "application/x-ndjson",
            8 * 1024)) {
      assertThat(stream.status()).isEqualTo(200);
      for (int i = 0; i < 100; i++) {
        assertThat(stream.line()).contains("\"type\":\"hit\"");
      }
      Thread.sleep(3_000);
      double whileSlow = pages() - before;
      System.out.printf(
          "slow reader: %.0f of %d pages fetched after 100 lines and a 3 s pause%n",
          whileSlow, pagesForAll);
      assertThat(whileSlow)
          .as("pages fetched while the reader paused, of %d", pagesForAll)
          .isLessThan(pagesForAll / 3.0);
      int hits = 100;
      String last = null;
      for (String line = stream.line(); line != null; line = stream.line()) {
        last = line;
        hits += line.contains("\"type\":\"hit\"") ? 1 : 0;
      }
      assertThat(hits).isEqualTo(BULK_HITS);
      assertThat(JSON.readTree(last).path("count").asInt()).isEqualTo(BULK_HITS);
      assertThat(pages() - before).isGreaterThanOrEqualTo(pagesForAll);
    }
  }

  @Test
  void aClientThatLeavesCancelsTheSearchAndThePointInTimeIsClosed() throws Exception {
    long before = pointsInTime();
    RawStream stream =
        new RawStream(
            port,
            Api.query("/api/opportunities/search/stream", "organization", bulkOrganization),
            "application/x-ndjson",
            8 * 1024);
    for (int i = 0; i < 10; i++) {
      assertThat(stream.line()).contains("\"type\":\"hit\"");
    }
    assertThat(pointsInTime()).as("the stream holds one point in time").isEqualTo(before + 1);
    double pagesWhenLeaving = pages();
    stream.close();
    await("points in time open on Elasticsearch closed after the client left")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> pointsInTime() == before);
    // the stream's bound (PointInTimeStream): one page asked for, two waiting, one being written
    await("at most 4 pages fetched after the client left, for half a second")
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> pages() - pagesWhenLeaving <= 4);
    assertThat(meters.get("search.stream.open").gauge().value()).isZero();
  }

  private List<JsonNode> ndjson(Object... parameters) {
    Api.Response response = stream(ndjsonHeaders(), parameters);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.headers().getContentType()).hasToString("application/x-ndjson");
    List<JsonNode> lines = new ArrayList<>();
    response
        .text()
        .lines()
        .filter(line -> !line.isBlank())
        .map(JSON::readTree)
        .filter(line -> !line.path("type").asString().equals("heartbeat"))
        .forEach(lines::add);
    return lines;
  }

  private List<Map<String, String>> sse(
      @org.jspecify.annotations.Nullable String lastEventId, Object... parameters) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "text/event-stream");
    if (lastEventId != null) {
      headers.set("Last-Event-ID", lastEventId);
    }
    Api.Response response = stream(headers, parameters);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.headers().getContentType().toString()).startsWith("text/event-stream");
    List<Map<String, String>> events = new ArrayList<>();
    for (String block : response.text().split("\n\n")) {
      Map<String, String> event = new LinkedHashMap<>();
      block
          .lines()
          .filter(line -> !line.startsWith(":") && line.contains(": "))
          .forEach(
              line -> {
                int colon = line.indexOf(": ");
                event.put(line.substring(0, colon), line.substring(colon + 2));
              });
      if (!event.isEmpty()) {
        events.add(event);
      }
    }
    return events;
  }

  private Api.Response stream(HttpHeaders headers, Object... parameters) {
    Object[] all = java.util.Arrays.copyOf(parameters, parameters.length + 2);
    all[parameters.length] = "organization";
    all[parameters.length + 1] = corpus.organization;
    return api.getEncoded(Api.query("/api/opportunities/search/stream", all), headers);
  }

  private static HttpHeaders ndjsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "application/x-ndjson");
    return headers;
  }

  private List<String> searchIds(Object... parameters) {
    Object[] all = java.util.Arrays.copyOf(parameters, parameters.length + 4);
    all[parameters.length] = "organization";
    all[parameters.length + 1] = corpus.organization;
    all[parameters.length + 2] = "size";
    all[parameters.length + 3] = 100;
    Api.Response response =
        api.getEncoded(Api.query("/api/opportunities/search", all), new HttpHeaders());
    List<String> ids = new ArrayList<>();
    response.body().path("items").forEach(item -> ids.add(item.path("id").asString()));
    return ids;
  }

  private static List<String> ids(List<JsonNode> lines) {
    return lines.stream().map(line -> line.path("hit").path("id").asString()).toList();
  }

  private double pages() {
    return meters.get("search.stream.pages").counter().count();
  }

  /** Search contexts open on Elasticsearch: a point in time holds one while it lives. */
  private long pointsInTime() throws Exception {
    HttpResponse<String> stats =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(elasticsearchUri.split(",")[0] + "/_nodes/stats/indices/search"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    long open = 0;
    for (JsonNode node : JSON.readTree(stats.body()).path("nodes")) {
      open += node.path("indices").path("search").path("open_contexts").asLong();
    }
    return open;
  }

  /**
   * The large corpus: written straight to the index under an organization of its own, removed after
   * the class.
   */
  @BeforeAll
  void indexBulkCorpus() throws IOException {
    Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    for (int batch = 0; batch < BULK_HITS; batch += 5_000) {
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      for (int i = batch; i < Math.min(BULK_HITS, batch + 5_000); i++) {
        String id = UUID.randomUUID().toString();
        bulkIds.add(id);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", id);
        document.put(
            "title", "حملة تنظيف الأحياء رقم " + i + "\nNeighbourhood cleanup number " + i);
        document.put(
            "description", "جمع النفايات وتنظيف الحدائق العامة في الحي مع سكانه، الجولة رقم " + i);
        document.put(
            "organization",
            Map.of(
                "id",
                bulkOrganization,
                "name",
                "فريق الأحياء النظيفة\nClean Neighbourhoods Team",
                "verified",
                true));
        document.put("field_code", "environment");
        document.put("skill_codes", List.of("recycling"));
        document.put("required_skills", List.of(Map.of("code", "recycling", "weight", 1.0)));
        document.put("city_code", "riyadh");
        document.put("region_code", "SA-01");
        document.put("city_name", List.of("الرياض", "Riyadh"));
        document.put("location", Map.of("lat", 24.7136, "lon", 46.6753));
        document.put("mode", "on_site");
        document.put("starts_at", start.plusSeconds(i * 60L).toString());
        document.put("ends_at", start.plusSeconds(i * 60L + 7200).toString());
        document.put("hours", 2);
        document.put("seats_total", 10);
        document.put("seats_left", 10);
        document.put("gender", "any");
        document.put("status", "published");
        document.put("published_at", start.minus(3, ChronoUnit.DAYS).toString());
        document.put("updated_at", start.minus(3, ChronoUnit.DAYS).toString());
        bulk.operations(op -> op.index(ix -> ix.index(ALIAS).id(id).document(document)));
      }
      var response = elasticsearch.bulk(bulk.build());
      assertThat(response.errors()).isFalse();
    }
    elasticsearch.indices().refresh(r -> r.index(ALIAS));
  }
}
