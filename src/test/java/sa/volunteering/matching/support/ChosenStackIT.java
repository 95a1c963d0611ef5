package sa.volunteering.matching.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;

/** The service under test talks to the PostgreSQL and the Elasticsearch the switch chose. */
@IntegrationTest
class ChosenStackIT {

  @Autowired R2dbcConnectionDetails database;

  @Autowired ElasticsearchConnectionDetails elasticsearch;

  @Test
  void theServiceUsesTheRunsDatabaseOnTheChosenServer() {
    URI run = URI.create(TestDatabase.get().r2dbcUrl().replaceFirst("^r2dbc:(pool:)?", ""));
    ConnectionFactoryOptions options = database.getConnectionFactoryOptions();

    assertThat(options.getValue(ConnectionFactoryOptions.PORT)).isEqualTo(run.getPort());
    assertThat(options.getValue(ConnectionFactoryOptions.DATABASE))
        .isEqualTo(run.getPath().substring(1));
  }

  @Test
  void theServiceUsesTheChosenElasticsearch() {
    URI chosen = TestStack.elasticsearch();

    assertThat(elasticsearch.getNodes())
        .singleElement()
        .satisfies(node -> assertThat(node.port()).isEqualTo(chosen.getPort()));
  }

  @Test
  void inTheContainersModeBothAreServiceConnectionsToTheRunsContainers() {
    assumeTrue(TestStack.containers(), "the containers mode only");

    assertThat(database.getClass().getName()).contains("ContainerConnectionDetails");
    assertThat(elasticsearch.getClass().getName()).contains("ContainerConnectionDetails");
    assertThat(Containers.postgresql().isRunning()).isTrue();
    assertThat(elasticsearch.getNodes().getFirst().port())
        .isEqualTo(Containers.elasticsearch().getMappedPort(9200));
    assertThat(database.getConnectionFactoryOptions().getValue(ConnectionFactoryOptions.PORT))
        .isEqualTo(Containers.postgresql().getMappedPort(5432));
  }
}
