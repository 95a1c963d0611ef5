package sa.volunteering.matching.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every response body the service writes during the test run, streams included, as it is
 * written, and notes what looks like personal data outside the endpoints allowed to return it. The
 * notes and the count of responses read are written to {@code target/personal-data-scan/} when a
 * test context closes; PersonalDataScanIT, run after every other test, fails on any note. Requests
 * marked {@link #UNSCANNED} (the fuzz test's, whose generated values include ten-digit numbers and
 * text echoed back as typed) are neither read nor learned from.
 */
public final class ResponseScanner implements WebFilter, Ordered {

  public static final Path DIRECTORY = Path.of("target", "personal-data-scan");
  public static final String UNSCANNED = "X-Test-Unscanned";
  private static final int OVERLAP = 256;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicLong RESPONSES = new AtomicLong();
  private static final AtomicLong BYTES = new AtomicLong();
  private static final ConcurrentLinkedQueue<String> FINDINGS = new ConcurrentLinkedQueue<>();

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getHeaders().containsHeader(UNSCANNED)) {
      return chain.filter(exchange);
    }
    String method = exchange.getRequest().getMethod().name();
    String path = exchange.getRequest().getPath().value();
    ServerWebExchange scanned =
        exchange.mutate().response(new Scanned(exchange, method, path)).build();
    if (HttpMethod.POST.equals(exchange.getRequest().getMethod()) && path.equals("/api/volunteers")
        || HttpMethod.PUT.equals(exchange.getRequest().getMethod())
            && path.equals("/api/volunteers/me")) {
      scanned = scanned.mutate().request(new NamesLearned(scanned)).build();
    }
    RESPONSES.incrementAndGet();
    return chain.filter(scanned);
  }

  /** Writes what was found so far; called as each test context closes, off any event loop. */
  static void report() {
    try {
      Files.createDirectories(DIRECTORY);
      long pid = ProcessHandle.current().pid();
      Files.write(DIRECTORY.resolve("findings-" + pid + ".txt"), List.copyOf(FINDINGS));
      Files.writeString(
          DIRECTORY.resolve("count-" + pid + ".txt"), RESPONSES.get() + " " + BYTES.get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A response whose body is decoded and searched chunk by chunk, with an overlap so a match across
   * chunks is found.
   */
  private static final class Scanned extends ServerHttpResponseDecorator {

    private final String request;
    private final boolean allowed;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final Set<String> found = new LinkedHashSet<>();
    private byte[] carry = new byte[0];
    private String tail = "";

    Scanned(ServerWebExchange exchange, String method, String path) {
      super(exchange.getResponse());
      this.request =
          method
              + " "
              + exchange.getRequest().getURI().getRawPath()
              + (exchange.getRequest().getURI().getRawQuery() == null
                  ? ""
                  : "?" + exchange.getRequest().getURI().getRawQuery());
      this.allowed = PersonalData.mayReturn(method, path);
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      return super.writeWith(Flux.from(body).doOnNext(this::scan));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
      return super.writeAndFlushWith(
          Flux.from(body).map(chunk -> Flux.from(chunk).doOnNext(this::scan)));
    }

    private synchronized void scan(DataBuffer buffer) {
      int length = buffer.readableByteCount();
      BYTES.addAndGet(length);
      if (allowed) {
        return;
      }
      byte[] bytes = new byte[carry.length + length];
      System.arraycopy(carry, 0, bytes, 0, carry.length);
      buffer.toByteBuffer(
          buffer.readPosition(), ByteBuffer.wrap(bytes, carry.length, length).slice(), 0, length);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      CharBuffer out = CharBuffer.allocate(bytes.length);
      decoder.decode(in, out, false);
      carry = new byte[in.remaining()];
      in.get(carry);
      String text = tail + out.flip();
      for (String finding : PersonalData.findIn(text)) {
        if (found.add(finding)) {
          FINDINGS.add(getStatusCode() + " " + request + ": " + finding);
        }
      }
      tail = text.length() > OVERLAP ? text.substring(text.length() - OVERLAP) : text;
    }
  }

  /** A registration or profile update, whose full name becomes one the scanner looks for. */
  private static final class NamesLearned extends ServerHttpRequestDecorator {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    NamesLearned(ServerWebExchange exchange) {
      super(exchange.getRequest());
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return super.getBody()
          .doOnNext(
              buffer -> {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
                synchronized (body) {
                  body.writeBytes(bytes);
                }
              })
          .doOnComplete(this::learn);
    }

    private void learn() {
      try {
        JsonNode json = JSON.readTree(body.toByteArray());
        json.findValues("fullName").forEach(name -> PersonalData.learnName(name.asString()));
      } catch (RuntimeException notJson) {
        // a malformed body is the validation tests' business
      }
    }
  }
}
