package sa.volunteering.matching.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;
import reactor.blockhound.BlockHound;

/**
 * The environment of the integration tests: a database and an index prefix of the run's own (both
 * removed at the end), keys generated for the run (nothing from any profile), every response
 * scanned for personal data, and BlockHound installed.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestEnvironment {

  /** One prefix per test JVM: every Spring context of the run shares it, no two runs collide. */
  public static final String PREFIX = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  static {
    // Two allowances, narrowly scoped. One: the PostgreSQL driver's SCRAM handshake draws its nonce
    // from
    // SecureRandom (a read of /dev/urandom, which never waits) on the connection's event loop. It
    // runs
    // once per new pooled connection; everything else must not block (docs/decisions/0009).
    // A second one: Netty's adaptive buffer allocator, when two event loops grow its magazines at
    // once, takes
    // a lock held for a few instructions (no I/O); Netty's own BlockHound integration does not list
    // it yet
    // (the fuzz test's load found it).
    BlockHound.install(
        builder ->
            builder
                .allowBlockingCallsInside("com.ongres.scram.common.ScramFunctions", "nonce")
                .allowBlockingCallsInside(
                    "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                    "tryExpandMagazines"));
  }

  private final ElasticsearchClient client;

  /** The service's connection pool, so that a test that times out can tell how the pool stood. */
  static volatile io.r2dbc.spi.@org.jspecify.annotations.Nullable ConnectionFactory connections;

  TestEnvironment(
      ElasticsearchClient client,
      io.r2dbc.spi.ConnectionFactory connectionFactory,
      ConfigurableApplicationContext context) {
    this.client = client;
    connections = connectionFactory;
    TestDatabase.inUseBy(context);
  }

  @Bean
  static DynamicPropertyRegistrar testProperties() {
    return registry -> {
      registry.add("app.search.index.prefix", () -> PREFIX);
      registry.add("app.security.jwt-secret", () -> Tokens.SECRET);
      registry.add("app.security.national-id-key", () -> Tokens.NATIONAL_ID_KEY);
      // exposure is folded when ExposureIT asks, so that no other test's scores move under it
      registry.add("app.exposure.every", () -> "24h");
      // the run's own database on the configured server; Flyway's URL is set too, since the one
      // derived from the
      // configured URL at start-up names the service's database
      TestDatabase database = TestDatabase.get();
      registry.add("spring.r2dbc.url", database::r2dbcUrl);
      registry.add("spring.r2dbc.username", database::user);
      registry.add("spring.r2dbc.password", database::password);
      registry.add("spring.flyway.url", database::jdbcUrl);
      registry.add("spring.flyway.user", database::user);
      registry.add("spring.flyway.password", database::password);
      if (TestStack.containers()) {
        // for the tests that read it; the service itself takes the container's service connection
        registry.add("spring.elasticsearch.uris", () -> TestStack.elasticsearch().toString());
      }
    };
  }

  /**
   * Reads every response body of the run for personal data (PersonalDataScanIT judges at the end).
   */
  @Bean
  static ResponseScanner responseScanner() {
    return new ResponseScanner();
  }

  /**
   * Deletes the run's indexes; a fault test may have stopped the cluster a context used, which is
   * left as it is.
   */
  @PreDestroy
  void deleteTestEnvironment() {
    ResponseScanner.report();
    try {
      deleteIndexes(client);
    } catch (IOException | RuntimeException unreachable) {
      System.err.println("test indexes " + PREFIX + "* not deleted: " + unreachable);
    }
  }

  /**
   * Deletes the indexes of this run (named one by one: Elasticsearch refuses to delete by
   * wildcard).
   */
  public static void deleteIndexes(ElasticsearchClient client) throws IOException {
    List<String> indexes =
        List.copyOf(
            client
                .indices()
                .get(g -> g.index(PREFIX + "*").allowNoIndices(true).ignoreUnavailable(true))
                .indices()
                .keySet());
    if (!indexes.isEmpty()) {
      client.indices().delete(d -> d.index(indexes));
    }
  }
}
