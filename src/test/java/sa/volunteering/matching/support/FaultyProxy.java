package sa.volunteering.matching.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback in front of Elasticsearch that misbehaves on purpose: it answers some
 * requests with 429 or 503 without forwarding them, drops some connections before answering (after
 * forwarding, so Elasticsearch may have done the work), and delays others. Seeded, so a failure
 * replays. With a fault rate of 0 it is a faithful relay that records what passes, for tests of
 * what the service sends. A test can also put it into a whole outage ({@link Outage}) or slow every
 * answer down ({@link #delay}).
 */
public final class FaultyProxy implements AutoCloseable {

  private static final List<String> HOP_BY_HOP =
      List.of("connection", "content-length", "transfer-encoding", "host", "upgrade");

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI target;
  private final Random random;
  private final double faultRate;
  public final AtomicInteger tooManyRequests = new AtomicInteger();
  public final AtomicInteger unavailable = new AtomicInteger();
  public final AtomicInteger dropped = new AtomicInteger();
  public final AtomicInteger forwarded = new AtomicInteger();

  /** Every request received, in order of arrival. */
  public final java.util.Queue<Request> requests =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * A request as it reached the proxy; {@code opaqueId} is its {@code X-Opaque-Id} header, or null.
   */
  public record Request(
      String method,
      String path,
      String body,
      @org.jspecify.annotations.Nullable String opaqueId) {}

  /**
   * What every request gets, whatever the seeded dice say, until changed: a test's switch for a
   * whole outage.
   */
  public enum Outage {
    /** the seeded behaviour: forwarded, or a random fault at the fault rate */
    NONE,
    /** 503 without forwarding */
    UNAVAILABLE,
    /** 429 without forwarding */
    TOO_MANY_REQUESTS,
    /** the connection closed without an answer, without forwarding */
    RESET
  }

  private volatile Outage outage = Outage.NONE;
  private volatile Duration delay = Duration.ZERO;

  public FaultyProxy(URI target, long seed, double faultRate) throws IOException {
    this.target = target;
    this.random = new Random(seed);
    this.faultRate = faultRate;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    this.server.createContext("/", this::handle);
    this.server.start();
  }

  /**
   * A faithful relay in front of the Elasticsearch the tests use ({@link
   * TestStack#elasticsearch()}).
   */
  public static FaultyProxy relayToTheStack() {
    try {
      return new FaultyProxy(TestStack.elasticsearch(), 0, 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void outage(Outage outage) {
    this.outage = outage;
  }

  /** Every answer waits this long before it is sent (forwarded or not). */
  public void delay(Duration delay) {
    this.delay = delay;
  }

  public int faults() {
    return tooManyRequests.get() + unavailable.get() + dropped.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    double dice;
    synchronized (random) {
      dice = random.nextDouble();
    }
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              new String(body, StandardCharsets.UTF_8),
              exchange.getRequestHeaders().getFirst("X-Opaque-Id")));
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      Outage now = outage;
      if (now == Outage.RESET) {
        dropped.incrementAndGet();
        return;
      }
      if (now == Outage.TOO_MANY_REQUESTS || (now == Outage.NONE && dice < faultRate / 3)) {
        tooManyRequests.incrementAndGet();
        reply(
            exchange,
            429,
            "{\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"injected\"},\"status\":429}");
        return;
      }
      if (now == Outage.UNAVAILABLE || dice < 2 * faultRate / 3) {
        unavailable.incrementAndGet();
        reply(
            exchange,
            503,
            "{\"error\":{\"type\":\"unavailable\",\"reason\":\"injected\"},\"status\":503}");
        return;
      }
      HttpResponse<InputStream> response = forward(exchange, body);
      forwarded.incrementAndGet();
      if (dice < faultRate) {
        dropped.incrementAndGet();
        response.body().close();
        return;
      }
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] answer = response.body().readAllBytes();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse<InputStream> forward(HttpExchange exchange, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .timeout(Duration.ofSeconds(30));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
              }
            });
    return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
