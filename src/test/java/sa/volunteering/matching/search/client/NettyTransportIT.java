package sa.volunteering.matching.search.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonpMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import sa.volunteering.matching.search.Elasticsearch;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.system.problem.ElasticsearchStatus;

/** The service's Elasticsearch transport against the real cluster. */
@IntegrationTest
class NettyTransportIT {

  private static final ClientProperties BOUNDS =
      new ClientProperties(4, 16, DataSize.ofMegabytes(100));

  @Autowired ElasticsearchAsyncClient client;

  @Autowired JsonpMapper mapper;

  @Value("${spring.elasticsearch.uris}")
  String uris;

  /**
   * An answer complete before {@code Mono.fromFuture} attaches to it is carried on the subscribing
   * thread (see below): such an attempt says nothing of where answers are carried, and is tried
   * again.
   */
  @Test
  void theAnswerIsCarriedOnANonBlockingEventLoop() {
    String subscriber = Thread.currentThread().toString();
    for (int attempt = 0; attempt < 20; attempt++) {
      String where =
          Elasticsearch.call(() -> client.cluster().health())
              .map(health -> Schedulers.isInNonBlockingThread() + " " + Thread.currentThread())
              .block(java.time.Duration.ofSeconds(10));
      if (!where.endsWith(subscriber)) {
        assertThat(where).startsWith("true ").contains("reactor-http");
        return;
      }
    }
    throw new AssertionError("every answer was complete before it was subscribed to");
  }

  /**
   * An answer that is complete before {@code Mono.fromFuture} attaches to it (a fast health check)
   * is carried on the subscribing thread, which BlockHound rightly leaves alone: such an attempt
   * proves nothing and is tried again. An answer carried on an event loop must be caught.
   */
  @Test
  void blockHoundStillCatchesABlockingCallMadeWithTheAnswer() {
    for (int attempt = 0; attempt < 20; attempt++) {
      Object outcome =
          Elasticsearch.call(() -> client.cluster().health())
              .map(
                  health -> {
                    boolean onEventLoop = Schedulers.isInNonBlockingThread();
                    try {
                      Thread.sleep(1);
                    } catch (InterruptedException interrupted) {
                      Thread.currentThread().interrupt();
                    }
                    return (Object) onEventLoop;
                  })
              .onErrorResume(BlockingOperationError.class, Mono::just)
              .block(Duration.ofSeconds(10));
      if (outcome instanceof BlockingOperationError) {
        return;
      }
      assertThat(outcome).as("a blocking call on an event loop went through").isEqualTo(false);
    }
    fail("no answer was carried on an event loop in 20 attempts");
  }

  @Test
  void anErrorStatusBecomesTheClientsExceptionWithItsStatus() {
    StepVerifier.create(
            Elasticsearch.call(() -> client.search(s -> s.index("no-such-index-here"), Map.class)))
        .expectErrorSatisfies(
            error -> {
              assertThat(error).isInstanceOf(ElasticsearchException.class);
              assertThat(ElasticsearchStatus.of(error)).isEqualTo(404);
            })
        .verify();
  }

  @Test
  void aNodeThatRefusesTheConnectionHandsEveryCallToTheNext() throws IOException {
    try (NettyTransport transport = transport(List.of(closedPort(), cluster()), BOUNDS)) {
      ElasticsearchAsyncClient twoNodes = new ElasticsearchAsyncClient(transport);
      for (int call = 0; call < 4; call++) {
        assertThat(twoNodes.cluster().health().join().clusterName()).isNotBlank();
      }
    }
  }

  @Test
  void whenNoNodeAnswersTheCallFailsSayingSo() throws IOException {
    try (NettyTransport transport = transport(List.of(closedPort()), BOUNDS)) {
      assertThatThrownBy(() -> new ElasticsearchAsyncClient(transport).cluster().health().join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(ClusterUnreachableException.class)
          .hasMessageContaining("did not answer GET /_cluster/health");
    }
  }

  @Test
  void anAnswerLargerThanTheLimitFailsTheCallInsteadOfFillingTheHeap() throws IOException {
    ClientProperties small = new ClientProperties(4, 16, DataSize.ofBytes(200));
    try (NettyTransport transport = transport(List.of(cluster()), small)) {
      ElasticsearchAsyncClient limited = new ElasticsearchAsyncClient(transport);
      assertThatThrownBy(() -> limited.cat().indices().join())
          .hasRootCauseInstanceOf(BoundedBody.ResponseTooLargeException.class)
          .hasMessageContaining("app.elasticsearch.client.max-response-size");
      assertThat(limited.indices().exists(e -> e.index("no-such-index-here")).join().value())
          .as("an answer within the limit still passes")
          .isFalse();
    }
  }

  private NettyTransport transport(List<URI> nodes, ClientProperties bounds) {
    return new NettyTransport(
        ReactorNettyHttpClient.create(
            nodes, Map.of(), Duration.ofSeconds(2), Duration.ofSeconds(30), false, bounds),
        mapper);
  }

  private URI cluster() {
    return URI.create(uris.split(",")[0].replaceAll("/+$", ""));
  }

  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }
}
