package sa.volunteering.matching.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.context.annotation.Bean;
import reactor.blockhound.BlockHound;

/** Gives the test run its own index prefix, deletes what it created, and installs BlockHound. */
@TestConfiguration(proxyBeanMethods = false)
public class TestIndexes {

  /** One prefix per test JVM: every Spring context of the run shares it, no two runs collide. */
  public static final String PREFIX = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  static {
    BlockHound.install();
  }

  private final ElasticsearchClient client;

  TestIndexes(ElasticsearchClient client) {
    this.client = client;
  }

  @Bean
  static DynamicPropertyRegistrar testIndexPrefix() {
    return registry -> registry.add("app.search.index.prefix", () -> PREFIX);
  }

  @PreDestroy
  void deleteTestIndexes() throws IOException {
    List<String> indexes = List.copyOf(client.indices()
        .get(g -> g.index(PREFIX + "*").allowNoIndices(true).ignoreUnavailable(true)).indices().keySet());
    if (!indexes.isEmpty()) {
      client.indices().delete(d -> d.index(indexes));
    }
  }
}
