package sa.volunteering.matching.search.client;

import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * The Elasticsearch client's HTTP on Reactor Netty. A request is written from the calling thread's
 * event loop without waiting for anything (the connection pool hands connections out without a
 * lock), and its answer is read whole, up to a limit, on an event loop, where the client decodes
 * it. Every status comes back as an answer: the client itself turns an error status into its
 * exception.
 */
public final class ReactorNettyHttpClient implements TransportHttpClient {

  private static final Duration IDLE = Duration.ofMinutes(1);

  private final HttpClient http;
  private final ConnectionProvider pool;
  private final Nodes nodes;
  private final Map<String, String> credentials;
  private final long maxResponseBytes;

  private ReactorNettyHttpClient(
      HttpClient http,
      ConnectionProvider pool,
      Nodes nodes,
      Map<String, String> credentials,
      long maxResponseBytes) {
    this.http = http;
    this.pool = pool;
    this.nodes = nodes;
    this.credentials = Map.copyOf(credentials);
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * A client of the nodes at {@code bases} (scheme, host, port and any path prefix), sending {@code
   * credentials} as headers with every request.
   */
  public static ReactorNettyHttpClient create(
      List<URI> bases,
      Map<String, String> credentials,
      Duration connectTimeout,
      Duration socketTimeout,
      boolean keepAlive,
      ClientProperties bounds) {
    ConnectionProvider pool =
        ConnectionProvider.builder("elasticsearch")
            .maxConnections(bounds.connections())
            .pendingAcquireMaxCount(bounds.pendingConnections())
            .pendingAcquireTimeout(connectTimeout)
            .maxIdleTime(IDLE)
            .build();
    HttpClient http =
        HttpClient.create(pool)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
            .option(ChannelOption.SO_KEEPALIVE, keepAlive)
            .responseTimeout(socketTimeout);
    if (bases.stream().anyMatch(base -> "https".equals(base.getScheme()))) {
      http = http.secure();
    }
    return new ReactorNettyHttpClient(
        http, pool, new Nodes(bases), credentials, bounds.maxResponseSize().toBytes());
  }

  @Override
  public Response performRequest(
      String endpointId, @Nullable Node node, Request request, TransportOptions options)
      throws IOException {
    try {
      return performRequestAsync(endpointId, node, request, options).get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for Elasticsearch", interrupted);
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(cause);
    }
  }

  @Override
  public CompletableFuture<Response> performRequestAsync(
      String endpointId, @Nullable Node node, Request request, TransportOptions options) {
    String pathAndQuery = request.path() + query(request.queryParams(), options.queryParameters());
    HttpHeaders headers = headers(request, options);
    ByteBuf body = body(request.body());
    if (body != null) {
      headers.set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    }
    Mono<Response> call =
        node != null
            ? send(node.uri(), pathAndQuery, request.method(), headers, body)
            : nodes.call(base -> send(base, pathAndQuery, request.method(), headers, body));
    // a Mono's future completes with null when it is empty; an answer always has a status
    @SuppressWarnings("NullAway")
    CompletableFuture<Response> answer =
        call.onErrorMap(
                failure -> !(failure instanceof BoundedBody.ResponseTooLargeException),
                failure ->
                    new ClusterUnreachableException(request.method(), request.path(), failure))
            .toFuture();
    return answer;
  }

  private Mono<Response> send(
      URI base, String pathAndQuery, String method, HttpHeaders headers, @Nullable ByteBuf body) {
    String uri = base.toString() + pathAndQuery;
    HttpClient.ResponseReceiver<?> receiver =
        body == null
            ? http.headers(h -> h.set(headers)).request(HttpMethod.valueOf(method)).uri(uri)
            : http.headers(h -> h.set(headers))
                .request(HttpMethod.valueOf(method))
                .uri(uri)
                .send(Mono.fromSupplier(body::retainedDuplicate));
    Node answered = new Node(base);
    return receiver
        .response(
            (response, content) ->
                content
                    .collect(
                        () -> new BoundedBody(length(method, response), maxResponseBytes),
                        BoundedBody::append)
                    .map(
                        read ->
                            (Response)
                                new NettyResponse(
                                    answered,
                                    response.status().code(),
                                    response.responseHeaders().copy(),
                                    read.bytes())))
        .single();
  }

  private long length(String method, HttpClientResponse response) {
    if ("HEAD".equals(method)) {
      return 0;
    }
    String length = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
    if (length == null) {
      return -1;
    }
    long declared = Long.parseLong(length);
    if (declared > maxResponseBytes) {
      throw new BoundedBody.ResponseTooLargeException(maxResponseBytes);
    }
    return declared;
  }

  private HttpHeaders headers(Request request, TransportOptions options) {
    HttpHeaders headers = new io.netty.handler.codec.http.DefaultHttpHeaders();
    request.headers().forEach(headers::set);
    credentials.forEach(headers::set);
    // the options' headers win over the request's, as in the client's own transports
    options.headers().forEach(header -> headers.set(header.getKey(), header.getValue()));
    return headers;
  }

  private static @Nullable ByteBuf body(@Nullable Iterable<ByteBuffer> buffers) {
    if (buffers == null) {
      return null;
    }
    List<ByteBuffer> parts = new ArrayList<>();
    buffers.forEach(parts::add);
    return Unpooled.wrappedBuffer(parts.toArray(ByteBuffer[]::new));
  }

  static String query(Map<String, String> request, Map<String, String> options) {
    if (request.isEmpty() && options.isEmpty()) {
      return "";
    }
    StringBuilder query = new StringBuilder();
    appendParameters(query, request);
    appendParameters(query, options);
    return query.toString();
  }

  private static void appendParameters(StringBuilder query, Map<String, String> parameters) {
    parameters.forEach(
        (name, value) ->
            query
                .append(query.isEmpty() ? '?' : '&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
  }

  /** Closes the connections; calls still in flight fail. */
  @Override
  public void close() {
    pool.dispose();
  }
}
