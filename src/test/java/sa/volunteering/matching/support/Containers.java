package sa.volunteering.matching.support;

import java.time.Duration;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One PostgreSQL and one Elasticsearch container for the whole test JVM, started together on first
 * use and stopped when the JVM ends: every test class and Spring context of the run shares them.
 * The images are the ones bin/images built ({@code POSTGRES_IMAGE}, {@code ELASTICSEARCH_IMAGE}),
 * by default the official PostgreSQL 15 and the project's Elasticsearch with its plugin.
 */
public final class Containers {

  private static final String ELASTICSEARCH_VERSION = "9.5.3";

  private Containers() {}

  public static PostgreSQLContainer postgresql() {
    return Started.POSTGRESQL;
  }

  public static ElasticsearchContainer elasticsearch() {
    return Started.ELASTICSEARCH;
  }

  /**
   * A container no Spring context stops: Spring Boot stops a container bean when its context
   * closes, and these serve every context of the run. Testcontainers removes them when the JVM
   * ends.
   */
  private static final class JvmPostgreSQL extends PostgreSQLContainer {
    JvmPostgreSQL(DockerImageName image) {
      super(image);
    }

    @Override
    public void stop() {}
  }

  /** The Elasticsearch container of the JVM (see {@link JvmPostgreSQL}). */
  private static final class JvmElasticsearch extends ElasticsearchContainer {
    JvmElasticsearch(DockerImageName image) {
      super(image);
    }

    @Override
    public void stop() {}
  }

  /** Holder: the containers start when either is first asked for, both at once. */
  private static final class Started {

    static final PostgreSQLContainer POSTGRESQL =
        new JvmPostgreSQL(
                DockerImageName.parse(
                        TestStack.setting("POSTGRES_IMAGE", "postgres.image", "postgres:15"))
                    .asCompatibleSubstituteFor("postgres"))
            .withDatabaseName("volunteering")
            .withUsername("volunteering")
            .withPassword("volunteering");

    static final ElasticsearchContainer ELASTICSEARCH =
        new JvmElasticsearch(
                DockerImageName.parse(
                        TestStack.setting(
                            "ELASTICSEARCH_IMAGE",
                            "elasticsearch.image",
                            "opportunity-matching/elasticsearch:" + ELASTICSEARCH_VERSION))
                    .asCompatibleSubstituteFor("elasticsearch"))
            // the same settings as bin/stack's node and docker-compose.yml's (docs/security.md)
            .withEnv("xpack.security.enabled", "false")
            .withEnv("search.allow_expensive_queries", "false")
            .withEnv("action.auto_create_index", "false")
            .withEnv("ES_JAVA_OPTS", "-Xms1g -Xmx1g")
            // the distribution built here has no root endpoint: wait for the cluster's health
            .waitingFor(
                Wait.forHttp("/_cluster/health?wait_for_status=green&timeout=1s")
                    .forPort(9200)
                    .forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(3)));

    static {
      Startables.deepStart(POSTGRESQL, ELASTICSEARCH).join();
    }
  }
}
