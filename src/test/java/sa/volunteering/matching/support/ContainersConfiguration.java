package sa.volunteering.matching.support;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * In the containers mode ({@code test.stack=containers}), the run's containers as Spring Boot
 * service connections: R2DBC and Flyway reach PostgreSQL, the client reaches Elasticsearch through
 * the connection details Boot derives from them. The containers outlive every context (no destroy
 * method): they are the JVM's, not a context's.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "test.stack", havingValue = "containers")
public class ContainersConfiguration {

  @Bean(destroyMethod = "")
  @ServiceConnection
  PostgreSQLContainer postgresql() {
    return Containers.postgresql();
  }

  @Bean(destroyMethod = "")
  @ServiceConnection
  ElasticsearchContainer elasticsearch() {
    return Containers.elasticsearch();
  }
}
