package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.unit.DataSize;
import sa.volunteering.matching.search.client.ClientProperties;
import sa.volunteering.matching.search.client.NettyTransport;
import sa.volunteering.matching.search.client.ReactorNettyHttpClient;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.ChaosWorkload;
import sa.volunteering.matching.support.FaultyProxy;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.TestEnvironment;

/**
 * Hundreds of random changes while indexers restart and Elasticsearch, behind a faulty proxy,
 * answers 429 and 503 and drops connections after doing the work. Afterwards every document equals
 * its row at the same version, and rows that left the index are absent. Runs in a JVM of its own
 * with the service's background indexer off (failsafe execution "chaos"), so that only the faulty
 * indexers index.
 */
@IntegrationTest
class IndexingChaosIT {

  private static final int CHANGES = 300 * ChaosWorkload.ROUNDS;

  @LocalServerPort int port;

  @Value("${spring.elasticsearch.uris}")
  String elasticsearchUri;

  @Autowired ApplicationContext context;

  @Autowired JsonpMapper mapper;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired DatabaseClient database;

  @Autowired IndexingProperties configured;

  @Test
  void everyDocumentEndsEqualToItsRowDespiteFaultsAndRestarts() throws Exception {
    assumeThat(configured.enabled())
        .as("runs only in the failsafe execution \"chaos\", where the background indexer is off")
        .isFalse();
    IndexingProperties fast =
        new IndexingProperties(
            true,
            40,
            Duration.ofMillis(50),
            1000,
            Duration.ofMillis(5),
            Duration.ofMillis(100),
            Duration.ofSeconds(5),
            Duration.ofMinutes(2),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60));

    try (FaultyProxy proxy = new FaultyProxy(URI.create(elasticsearchUri.split(",")[0]), 42, 0.3);
        NettyTransport transport =
            new NettyTransport(
                ReactorNettyHttpClient.create(
                    List.of(proxy.uri()),
                    Map.of(),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(30),
                    false,
                    new ClientProperties(16, 256, DataSize.ofMegabytes(100))),
                mapper)) {
      ElasticsearchAsyncClient faulty = new ElasticsearchAsyncClient(transport);
      ChaosWorkload workload = new ChaosWorkload(new Api(port), database, 20261129);
      OutboxIndexer indexer = start(faulty, fast);
      int restarts = 0;
      long started = System.nanoTime();

      for (int change = 0; change < CHANGES; change++) {
        workload.change();
        if (change % 60 == 59) {
          indexer.stop();
          indexer = start(faulty, fast);
          restarts++;
        }
      }
      long converged = workload.awaitIndexed(Duration.ofSeconds(120));
      indexer.stop();
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

      int lost = workload.documentsWrongOrLost(elasticsearch, TestEnvironment.PREFIX);
      System.out.printf(
          "fault test, indexing chaos: %d changes (%d acknowledged), %d restarts, %d faults injected (%d x429, %d x503,"
              + " %d dropped after forwarding), %d requests forwarded, documents wrong or lost: %d, converged %d ms after the last change,"
              + " %d s in all%n",
          workload.writes(),
          workload.acknowledgedWrites(),
          restarts,
          proxy.faults(),
          proxy.tooManyRequests.get(),
          proxy.unavailable.get(),
          proxy.dropped.get(),
          proxy.forwarded.get(),
          lost,
          converged,
          seconds);
      assertThat(proxy.faults()).as("faults were injected").isGreaterThan(20);
      assertThat(lost).as("documents that differ from PostgreSQL").isZero();
      assertThat(workload.parked()).as("rows given up on").isZero();
      assertThat(workload.wrongAnswers())
          .as("answers that are never right, in %s", workload.statuses())
          .isZero();
    }
  }

  private OutboxIndexer start(ElasticsearchAsyncClient client, IndexingProperties properties) {
    OutboxIndexer indexer = OwnIndexers.indexer(context, client, properties);
    indexer.start();
    return indexer;
  }
}
