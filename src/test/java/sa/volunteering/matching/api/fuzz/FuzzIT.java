package sa.volunteering.matching.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import sa.volunteering.matching.api.fuzz.Inputs.Kind;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.ResponseScanner;
import sa.volunteering.matching.support.Tokens;

/**
 * A property-based fuzz test of the whole API: generated and broken parameters, headers, tokens,
 * ids and bodies at every endpoint. The properties: no answer is a 5xx; every error is a problem
 * response; no body names a Java class, a stack frame or a database or Elasticsearch error. Seeded:
 * a failure prints the seed and the request, and {@code -Dfuzz.seed=S} replays it. {@code
 * -Dfuzz.requests=N} runs longer (the {@code fuzz-long} Maven profile).
 */
@IntegrationTest
class FuzzIT {

  private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
  private static final int WORKERS = 4;

  /**
   * Requests a second, all workers together: the inputs hit a few shared rows (one application, one
   * opportunity) with writes, and unpaced (280 a second) their row-lock waits held the connection
   * pool long enough for unrelated requests to time out acquiring one (503). At this rate the test
   * judges inputs, not the pool under contention.
   */
  private static final long EVERY_NANOS = 1_000_000_000L / Integer.getInteger("fuzz.rate", 140);

  /**
   * server.netty.max-initial-line-length: longer request lines are refused by the HTTP codec,
   * before the service sees them.
   */
  private static final int MAX_REQUEST_LINE = 16 * 1024;

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

  /**
   * A request line the codec refuses is answered (414) at once; the JDK client, still writing the
   * request when the server closes the connection, sometimes waits for that answer until it times
   * out (curl gets it in milliseconds), so such a request is not waited for as long.
   */
  private static final Duration REFUSED_LINE_WITHIN = Duration.ofSeconds(3);

  private static final Duration LIVE_HEAD_WITHIN = Duration.ofSeconds(2);

  /** Recorded for a request that got no complete answer: a failure of its own. */
  private static final int NO_ANSWER = 999;

  private static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|java\\.|javax\\.|jakarta\\.|org\\.springframework|reactor\\.core|io\\.netty|io\\.r2dbc|co\\.elastic|sa\\.volunteering"
              + "|\\bat [a-z]+\\.[A-Za-z.$]+\\(|SQLSTATE|syntax error at|search_phase_execution|query_shard_exception|caused_by");

  @LocalServerPort int port;

  @Test
  void noGeneratedRequestGetsAServerErrorOrSeesTheInternals() throws Exception {
    World world = World.create(new Api(port));
    List<Endpoint> endpoints = Endpoint.all();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
    Map<String, AtomicInteger> perEndpoint = new ConcurrentSkipListMap<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger notSent = new AtomicInteger();
    long started = System.nanoTime();
    try (ExecutorService workers = Executors.newFixedThreadPool(WORKERS)) {
      List<Future<?>> running = new ArrayList<>();
      for (int worker = 0; worker < WORKERS; worker++) {
        int first = worker;
        running.add(
            workers.submit(
                () -> {
                  for (int i = first; i < REQUESTS; i += WORKERS) {
                    LockSupport.parkNanos(started + i * EVERY_NANOS - System.nanoTime());
                    Inputs inputs = new Inputs(new Random(SEED * 1_000_003L + i));
                    Endpoint endpoint = inputs.oneOf(endpoints);
                    Generated request = endpoint.generate(world, inputs);
                    perEndpoint
                        .computeIfAbsent(endpoint.name(), name -> new AtomicInteger())
                        .incrementAndGet();
                    try {
                      Answer answer = send(client, request);
                      if (answer.status == NO_ANSWER) {
                        // once more, on a new connection: a server that hangs hangs again, a
                        // connection lost in transit does not
                        answer = send(client, request);
                      }
                      statuses
                          .computeIfAbsent(answer.status, status -> new AtomicInteger())
                          .incrementAndGet();
                      String problem = check(answer, request);
                      if (problem != null) {
                        System.out.println(
                            "fuzz failure: #"
                                + i
                                + " "
                                + problem
                                + ": "
                                + request
                                + " -> "
                                + answer.status
                                + " "
                                + abbreviate(answer.body));
                        failures.add(
                            "#"
                                + i
                                + " (seed "
                                + SEED
                                + ") "
                                + problem
                                + ": "
                                + request
                                + " -> "
                                + answer.status
                                + " "
                                + abbreviate(answer.body));
                      }
                    } catch (IllegalArgumentException unsendable) {
                      notSent.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    int sent = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
    int serverErrors =
        statuses.entrySet().stream()
            .filter(entry -> entry.getKey() >= 500)
            .mapToInt(entry -> entry.getValue().get())
            .sum();
    System.out.printf(
        "fuzz: %d requests (seed %d) to %d endpoints in %.1f s (%.0f/s); %d refused by the HTTP client before sending%n",
        sent, SEED, perEndpoint.size(), seconds, sent / seconds, notSent.get());
    System.out.printf(
        "fuzz: statuses %s; server errors %d; failed properties %d%n",
        statuses, serverErrors, failures.size());
    failures.stream().limit(20).forEach(failure -> System.out.println("  " + failure));
    assertThat(sent).as("requests answered").isGreaterThanOrEqualTo(REQUESTS - notSent.get());
    assertThat(sent).isGreaterThanOrEqualTo((int) (REQUESTS * 0.95));
    assertThat(failures).isEmpty();
  }

  private static Duration patience(Generated request) {
    return request.lineLength() > MAX_REQUEST_LINE ? REFUSED_LINE_WITHIN : ANSWER_WITHIN;
  }

  /** What is wrong with an answer, or null. */
  private static String check(Answer answer, Generated request) {
    if (answer.status == NO_ANSWER) {
      return "no complete answer within " + patience(request).toSeconds() + " s, twice";
    }
    if (answer.status >= 500) {
      return "server error";
    }
    if (INTERNALS.matcher(answer.body).find()) {
      return "internals in the body";
    }
    if (answer.status >= 400 && request.lineLength() > MAX_REQUEST_LINE) {
      return null;
    }
    if (answer.status >= 400 && !answer.contentType.startsWith("application/problem+json")) {
      return "an error that is not a problem response (" + answer.contentType + ")";
    }
    return null;
  }

  /**
   * Sends the request and reads the whole answer, at most {@link #ANSWER_WITHIN}; of a live stream
   * that started, only the head.
   */
  private Answer send(HttpClient client, Generated generated) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + generated.pathAndQuery))
            .timeout(patience(generated))
            .method(
                generated.method,
                generated.body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(generated.body));
    generated.headers.forEach((name, value) -> request.header(name, asSent(value)));
    request.header(ResponseScanner.UNSCANNED, "fuzz");
    if (generated.endless) {
      HttpResponse<InputStream> response;
      try {
        response =
            client.send(
                request.timeout(LIVE_HEAD_WITHIN).build(),
                HttpResponse.BodyHandlers.ofInputStream());
      } catch (java.net.http.HttpTimeoutException open) {
        // a live stream sends its head with its first event or heartbeat: accepted and open,
        // nothing to judge yet
        return new Answer(200, "text/event-stream", "");
      }
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      try (InputStream body = response.body()) {
        byte[] bytes = response.statusCode() < 300 ? new byte[0] : body.readAllBytes();
        return new Answer(
            response.statusCode(), contentType, new String(bytes, StandardCharsets.UTF_8));
      }
    }
    try {
      HttpResponse<byte[]> response =
          client
              .sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
              .get(patience(generated).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          new String(response.body(), StandardCharsets.UTF_8));
    } catch (java.util.concurrent.TimeoutException
        | java.util.concurrent.ExecutionException noAnswer) {
      return new Answer(
          NO_ANSWER,
          "",
          String.valueOf(noAnswer.getCause() == null ? noAnswer : noAnswer.getCause()));
    }
  }

  /**
   * A header value as a client puts it on the wire: UTF-8 bytes, read back as ISO-8859-1; control
   * characters dropped.
   */
  private static String asSent(String value) {
    return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
        .replaceAll("[\\x00-\\x1F\\x7F]", "");
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private record Answer(int status, String contentType, String body) {}

  /** One generated request; {@code endless} for a live stream, whose body is not waited for. */
  record Generated(
      String method,
      String pathAndQuery,
      Map<String, String> headers,
      byte[] body,
      boolean endless) {

    int lineLength() {
      return method.length() + pathAndQuery.length() + " HTTP/1.1".length() + 1;
    }

    @Override
    public String toString() {
      return method
          + " "
          + pathAndQuery
          + " "
          + headers.keySet()
          + (body == null
              ? ""
              : " body "
                  + body.length
                  + " bytes: "
                  + abbreviate(new String(body, StandardCharsets.UTF_8)));
    }
  }

  /** The objects the generated requests point at, some of each caller's own. */
  record World(
      UUID organization,
      UUID otherOrganization,
      UUID published,
      UUID draft,
      UUID volunteer,
      UUID application,
      UUID hours) {

    static World create(Api api) {
      Fixtures fixtures = new Fixtures(api);
      UUID organization = fixtures.organization();
      UUID published = fixtures.published(organization, 50);
      UUID volunteer = fixtures.volunteer();
      UUID application = fixtures.application(volunteer, published);
      fixtures.accept(organization, application);
      UUID hours = fixtures.hours(organization, application);
      return new World(
          organization,
          fixtures.organization(),
          published,
          fixtures.draft(organization, 5),
          volunteer,
          application,
          hours);
    }

    String token(Inputs inputs) {
      return switch (inputs.between(0, 9)) {
        case 0 -> null;
        case 1 -> Tokens.admin();
        case 2, 3 -> Tokens.member(organization);
        case 4 -> Tokens.member(otherOrganization);
        case 5, 6 -> Tokens.volunteer(volunteer);
        case 7 -> Tokens.volunteer(UUID.randomUUID());
        case 8 -> inputs.oneOf(List.of(Tokens.signedWithAnotherKey(), Tokens.expiredAdmin()));
        default ->
            inputs.oneOf(
                List.of(
                    "",
                    "x",
                    "a.b.c",
                    "eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJBRE1JTiJdfQ.",
                    inputs.text()));
      };
    }

    String id(String kind, Inputs inputs) {
      if (inputs.chance(0.25)) {
        return inputs.chance(0.5)
            ? UUID.randomUUID().toString()
            : inputs.oneOf(List.of("abc", "0", "-1", "null", "%2e%2e", "9".repeat(40)));
      }
      return String.valueOf(
          switch (kind) {
            case "org" -> inputs.chance(0.7) ? organization : otherOrganization;
            case "opp" -> inputs.chance(0.7) ? published : draft;
            case "volunteer" -> volunteer;
            case "application" -> application;
            case "hours" -> hours;
            case "job" -> UUID.randomUUID();
            default -> Long.MAX_VALUE;
          });
    }
  }

  /**
   * An endpoint: its method, path (ids in braces), query parameters and the kind of body it takes.
   */
  record Endpoint(
      String name,
      String method,
      String path,
      Map<String, Kind> parameters,
      String body,
      boolean endless) {

    private static final Map<String, Kind> SEARCH = search();

    static List<Endpoint> all() {
      Map<String, Kind> paging = Map.of("page", Kind.NUMBER, "size", Kind.NUMBER);
      Map<String, Kind> stream = Map.of("limit", Kind.NUMBER, "after", Kind.TEXT);
      Map<String, Kind> searchStream = merge(SEARCH, stream);
      return List.of(
          get("/api/taxonomy/fields", Map.of()),
          get("/api/taxonomy/skills", Map.of("field", Kind.CODE)),
          get("/api/taxonomy/regions", Map.of()),
          get("/api/taxonomy/cities", Map.of("region", Kind.CODE)),
          new Endpoint(
              "create organization", "POST", "/api/organizations", Map.of(), "organization", false),
          get("/api/organizations", paging),
          get("/api/organizations/{org}", Map.of()),
          new Endpoint(
              "update organization",
              "PUT",
              "/api/organizations/{org}",
              Map.of(),
              "organization",
              false),
          new Endpoint(
              "close organization",
              "POST",
              "/api/organizations/{org}/close",
              Map.of(),
              null,
              false),
          new Endpoint(
              "draft opportunity",
              "POST",
              "/api/organizations/{org}/opportunities",
              Map.of(),
              "opportunity",
              false),
          get("/api/organizations/{org}/opportunities", paging),
          get("/api/opportunities/{opp}", Map.of()),
          new Endpoint(
              "update opportunity",
              "PUT",
              "/api/opportunities/{opp}",
              Map.of(),
              "opportunity",
              false),
          new Endpoint(
              "publish", "POST", "/api/opportunities/{opp}/publish", Map.of(), null, false),
          new Endpoint(
              "close opportunity", "POST", "/api/opportunities/{opp}/close", Map.of(), null, false),
          new Endpoint(
              "delete opportunity", "DELETE", "/api/opportunities/{opp}", Map.of(), null, false),
          new Endpoint("register", "POST", "/api/volunteers", Map.of(), "registration", false),
          get("/api/volunteers/me", Map.of()),
          new Endpoint("update profile", "PUT", "/api/volunteers/me", Map.of(), "profile", false),
          get("/api/volunteers/{volunteer}", Map.of()),
          new Endpoint(
              "apply", "POST", "/api/opportunities/{opp}/applications", Map.of(), "apply", false),
          get("/api/opportunities/{opp}/applications", paging),
          get("/api/volunteers/me/applications", paging),
          new Endpoint(
              "withdraw",
              "POST",
              "/api/applications/{application}/withdraw",
              Map.of(),
              null,
              false),
          new Endpoint(
              "accept", "POST", "/api/applications/{application}/accept", Map.of(), null, false),
          new Endpoint(
              "reject", "POST", "/api/applications/{application}/reject", Map.of(), null, false),
          new Endpoint(
              "complete",
              "POST",
              "/api/applications/{application}/complete",
              Map.of(),
              null,
              false),
          new Endpoint(
              "log hours",
              "POST",
              "/api/applications/{application}/hours",
              Map.of(),
              "hours",
              false),
          get("/api/applications/{application}/hours", Map.of()),
          get("/api/volunteers/me/hours", paging),
          new Endpoint("verify hours", "POST", "/api/hours/{hours}/verify", Map.of(), null, false),
          new Endpoint(
              "dispute hours", "POST", "/api/hours/{hours}/dispute", Map.of(), "dispute", false),
          get("/api/admin/indexing/failures", paging),
          new Endpoint(
              "retry a parked change",
              "POST",
              "/api/admin/indexing/failures/{outbox}/retry",
              Map.of(),
              null,
              false),
          new Endpoint("start a reindex", "POST", "/api/admin/reindex", Map.of(), "reindex", false),
          get("/api/admin/reindex/{job}", Map.of()),
          new Endpoint(
              "reindex progress", "GET", "/api/admin/reindex/{job}/progress", Map.of(), null, true),
          get("/api/opportunities/search", merge(SEARCH, paging)),
          new Endpoint(
              "stream a search",
              "GET",
              "/api/opportunities/search/stream",
              searchStream,
              null,
              false),
          get("/api/opportunities/suggest", Map.of("prefix", Kind.TEXT, "size", Kind.NUMBER)),
          get("/api/volunteers/{volunteer}/matches", merge(SEARCH, paging)),
          new Endpoint(
              "stream matches",
              "GET",
              "/api/volunteers/{volunteer}/matches/stream",
              searchStream,
              null,
              false),
          new Endpoint(
              "live matches",
              "GET",
              "/api/volunteers/{volunteer}/matches/live",
              Map.of(),
              null,
              true),
          get("/api/opportunities/{opp}/candidates", paging),
          new Endpoint(
              "stream candidates",
              "GET",
              "/api/opportunities/{opp}/candidates/stream",
              stream,
              null,
              false),
          get("/api/stats", Map.of("from", Kind.DATE, "to", Kind.DATE)),
          get(
              "/api/stats/breakdown",
              merge(
                  Map.of(
                      "by",
                      Kind.CODE,
                      "organization",
                      Kind.TEXT,
                      "from",
                      Kind.DATE,
                      "to",
                      Kind.DATE),
                  paging)),
          new Endpoint(
              "live indicators",
              "GET",
              "/api/stats/live",
              Map.of("from", Kind.DATE, "to", Kind.DATE),
              null,
              true),
          get("/v3/api-docs", Map.of()),
          get("/readyz", Map.of()),
          get("/", Map.of()),
          get("/api/nothing/here", Map.of()));
    }

    Generated generate(World world, Inputs inputs) {
      String token = world.token(inputs);
      StringBuilder path = new StringBuilder();
      for (String segment : this.path.split("/", -1)) {
        if (!path.isEmpty() || !segment.isEmpty()) {
          path.append('/');
        }
        path.append(
            segment.startsWith("{")
                ? encode(world.id(segment.substring(1, segment.length() - 1), inputs))
                : segment);
      }
      StringBuilder query = new StringBuilder();
      parameters.forEach(
          (name, kind) -> {
            if (inputs.chance(0.4)) {
              int repeats = inputs.chance(0.1) ? inputs.between(2, 40) : 1;
              for (int i = 0; i < repeats; i++) {
                query
                    .append(query.isEmpty() ? '?' : '&')
                    .append(name)
                    .append('=')
                    .append(encode(inputs.value(kind)));
              }
            }
          });
      if (inputs.chance(0.05)) {
        query
            .append(query.isEmpty() ? '?' : '&')
            .append(encode(inputs.text()))
            .append('=')
            .append(encode(inputs.text()));
      }
      Map<String, String> headers = new LinkedHashMap<>();
      if (token != null) {
        headers.put(
            "Authorization",
            inputs.chance(0.9)
                ? "Bearer " + token
                : inputs.oneOf(List.of("Basic YTpi", "Bearer", token)));
      }
      if (inputs.chance(0.5)) {
        headers.put(
            "Accept",
            inputs.oneOf(
                List.of(
                    "application/json",
                    "application/x-ndjson",
                    "text/event-stream",
                    "application/xml",
                    "*/*",
                    "text/html",
                    "application/problem+json",
                    "garbage",
                    "application/json;q=abc")));
      }
      if (inputs.chance(0.3)) {
        headers.put(
            "Accept-Language",
            inputs.oneOf(
                List.of(
                    "ar",
                    "en",
                    "en-US,en;q=0.9",
                    "ar-SA",
                    "fr",
                    "xx-YY;q=abc",
                    "*",
                    "a".repeat(300))));
      }
      if (inputs.chance(0.1)) {
        headers.put("Last-Event-ID", headerSafe(inputs.value(Kind.TEXT)));
      }
      byte[] bodyBytes = null;
      if (body != null || inputs.chance(0.05)) {
        bodyBytes = Bodies.of(body == null ? "none" : body, inputs);
        headers.put(
            "Content-Type",
            inputs.chance(0.9)
                ? "application/json"
                : inputs.oneOf(
                    List.of(
                        "text/plain",
                        "application/xml",
                        "application/json; charset=latin1",
                        "multipart/form-data",
                        "application/x-www-form-urlencoded")));
      }
      if (this.path.equals("/api/admin/reindex") && claimsAdmin(token)) {
        // never a real reindex: it would rebuild a test index from the whole database while other
        // tests use it
        bodyBytes = "{\"index\":".getBytes(StandardCharsets.UTF_8);
      }
      return new Generated(method, path + query.toString(), headers, bodyBytes, endless);
    }

    private static boolean claimsAdmin(String token) {
      String[] parts = token == null ? new String[0] : token.split("\\.");
      try {
        return parts.length >= 2
            && new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .contains("ADMIN");
      } catch (IllegalArgumentException notBase64) {
        return false;
      }
    }

    private static Endpoint get(String path, Map<String, Kind> parameters) {
      return new Endpoint("GET " + path, "GET", path, parameters, null, false);
    }

    private static Map<String, Kind> search() {
      Map<String, Kind> search = new LinkedHashMap<>();
      search.put("q", Kind.TEXT);
      search.put("city", Kind.CODE);
      search.put("region", Kind.CODE);
      search.put("field", Kind.CODE);
      search.put("skill", Kind.CODE);
      search.put("skills", Kind.CHOICE);
      search.put("mode", Kind.CODE);
      search.put("from", Kind.DATE);
      search.put("to", Kind.DATE);
      search.put("lat", Kind.NUMBER);
      search.put("lon", Kind.NUMBER);
      search.put("radiusKm", Kind.NUMBER);
      search.put("gender", Kind.CHOICE);
      search.put("age", Kind.NUMBER);
      search.put("organization", Kind.UUID);
      search.put("includeFull", Kind.CHOICE);
      search.put("sort", Kind.CHOICE);
      return search;
    }

    private static Map<String, Kind> merge(Map<String, Kind> first, Map<String, Kind> second) {
      Map<String, Kind> merged = new LinkedHashMap<>(first);
      merged.putAll(second);
      return merged;
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Header values cannot hold line breaks or most control characters: the HTTP client refuses
     * them.
     */
    private static String headerSafe(String value) {
      return value.replaceAll("[\\x00-\\x1F\\x7F]", "?");
    }
  }
}
