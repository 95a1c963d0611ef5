package sa.volunteering.matching.support;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** HTTP calls to the running service, as a client would make them. */
public final class Api {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Whole streams are read into memory by some tests (every candidate of an opportunity). */
  private static final int RESPONSE_LIMIT_BYTES = 64 * 1024 * 1024;

  private final WebTestClient client;
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.client =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(RESPONSE_LIMIT_BYTES))
            .build();
  }

  public Response get(String path, @Nullable String token) {
    return call(HttpMethod.GET, path, token, null);
  }

  /**
   * A GET of a path whose query string is already percent-encoded (see {@link #query}), with extra
   * headers ({@code Accept-Language}, {@code Accept}, ...).
   */
  public Response getEncoded(String encodedPathAndQuery, HttpHeaders headers) {
    try {
      Response response =
          Response.of(
              client
                  .get()
                  .uri(java.net.URI.create(base + encodedPathAndQuery))
                  .headers(h -> h.addAll(headers))
                  .exchange()
                  .expectBody(byte[].class)
                  .returnResult());
      if (response.status() >= 500) {
        dumpThreads("GET " + encodedPathAndQuery + " answered " + response);
      }
      return response;
    } catch (IllegalStateException timeout) {
      dumpThreads("GET " + encodedPathAndQuery);
      throw timeout;
    }
  }

  /**
   * A path with its query string encoded from name, value pairs; a null value leaves its name out.
   */
  public static String query(String path, @Nullable Object... namesAndValues) {
    StringBuilder query = new StringBuilder(path);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        query
            .append(query.indexOf("?") < 0 ? '?' : '&')
            .append(
                java.net.URLEncoder.encode(
                    String.valueOf(namesAndValues[i]), java.nio.charset.StandardCharsets.UTF_8))
            .append('=')
            .append(
                java.net.URLEncoder.encode(
                    String.valueOf(namesAndValues[i + 1]),
                    java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return query.toString();
  }

  public String baseUrl() {
    return base;
  }

  public Response post(String path, @Nullable String token, @Nullable Object body) {
    return call(HttpMethod.POST, path, token, body);
  }

  public Response put(String path, @Nullable String token, Object body) {
    return call(HttpMethod.PUT, path, token, body);
  }

  public Response delete(String path, @Nullable String token) {
    return call(HttpMethod.DELETE, path, token, null);
  }

  public Response call(
      HttpMethod method, String path, @Nullable String token, @Nullable Object body) {
    WebTestClient.RequestBodySpec request = client.method(method).uri(path);
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    WebTestClient.RequestHeadersSpec<?> spec = request;
    if (body instanceof String raw) {
      spec = request.contentType(MediaType.APPLICATION_JSON).bodyValue(raw);
    } else if (body != null) {
      spec =
          request.contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body));
    }
    try {
      Response response = Response.of(spec.exchange().expectBody(byte[].class).returnResult());
      if (response.status() >= 500) {
        dumpThreads(method + " " + path + " answered " + response);
      }
      return response;
    } catch (IllegalStateException timeout) {
      dumpThreads(method + " " + path);
      throw timeout;
    }
  }

  private static void dumpThreads(String request) {
    StringBuilder dump = new StringBuilder("server error or no answer: " + request + "\n");
    if (TestEnvironment.connections instanceof io.r2dbc.pool.ConnectionPool pool) {
      pool.getMetrics()
          .ifPresent(
              metrics ->
                  dump.append("pool: acquired ")
                      .append(metrics.acquiredSize())
                      .append(", idle ")
                      .append(metrics.idleSize())
                      .append(", pending ")
                      .append(metrics.pendingAcquireSize())
                      .append(", allocated ")
                      .append(metrics.allocatedSize())
                      .append(" of ")
                      .append(metrics.getMaxAllocatedSize())
                      .append('\n'));
    }
    Thread.getAllStackTraces()
        .forEach(
            (thread, stack) -> {
              dump.append("\n\"")
                  .append(thread.getName())
                  .append("\" ")
                  .append(thread.getState())
                  .append('\n');
              for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
              }
            });
    try {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target/hang-" + System.currentTimeMillis() + ".txt"), dump);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Sends bytes as they are, with the given content type (for malformed requests). */
  public Response raw(
      HttpMethod method,
      String path,
      @Nullable String token,
      @Nullable String contentType,
      byte[] body) {
    WebTestClient.RequestBodySpec request = client.method(method).uri(path);
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    if (contentType != null) {
      request.header(HttpHeaders.CONTENT_TYPE, contentType);
    }
    return Response.of(request.bodyValue(body).exchange().expectBody(byte[].class).returnResult());
  }

  /** A response: status, headers, and the body as JSON (a missing node when empty or not JSON). */
  public record Response(int status, HttpHeaders headers, JsonNode body, String text) {

    static Response of(EntityExchangeResult<byte[]> result) {
      byte[] bytes = result.getResponseBody();
      String text = bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      JsonNode json;
      try {
        json = text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
      } catch (RuntimeException notJson) {
        json = MissingNode.getInstance();
      }
      return new Response(result.getStatus().value(), result.getResponseHeaders(), json, text);
    }

    public String id() {
      return body.path("id").asString();
    }

    public long version() {
      return body.path("version").asLong();
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }
}
