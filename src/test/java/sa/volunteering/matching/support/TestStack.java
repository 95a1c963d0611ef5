package sa.volunteering.matching.support;

import java.net.URI;
import java.util.Locale;

/**
 * Where the integration tests find PostgreSQL and Elasticsearch, chosen by one switch: the system
 * property {@code test.stack} (or {@code TEST_STACK}). {@code local}, the default, is the servers
 * bin/stack runs (or those {@code SPRING_R2DBC_URL} and {@code SPRING_ELASTICSEARCH_URIS} name);
 * {@code containers} is one PostgreSQL and one Elasticsearch container that Testcontainers starts
 * for the whole test JVM ({@link Containers}), handed to Spring Boot as service connections ({@link
 * ContainersConfiguration}).
 */
public final class TestStack {

  private TestStack() {}

  public static boolean containers() {
    String mode = setting("TEST_STACK", "test.stack", "local").toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "local" -> false;
      case "containers" -> true;
      default ->
          throw new IllegalStateException(
              "test.stack is '" + mode + "'; it must be 'local' or 'containers'");
    };
  }

  /** The address of the Elasticsearch the run uses (the first node's). */
  public static URI elasticsearch() {
    if (containers()) {
      return URI.create("http://" + Containers.elasticsearch().getHttpHostAddress());
    }
    return URI.create(
        setting("SPRING_ELASTICSEARCH_URIS", "spring.elasticsearch.uris", "http://127.0.0.1:9200")
            .split(",")[0]
            .trim());
  }

  /**
   * The PostgreSQL server the run's database lives on, as an R2DBC URL with its user and password.
   */
  public static Server postgresql() {
    if (containers()) {
      var container = Containers.postgresql();
      return new Server(
          "r2dbc:postgresql://"
              + container.getHost()
              + ":"
              + container.getFirstMappedPort()
              + "/"
              + container.getDatabaseName(),
          container.getUsername(),
          container.getPassword());
    }
    return new Server(
        setting(
            "SPRING_R2DBC_URL",
            "spring.r2dbc.url",
            "r2dbc:postgresql://127.0.0.1:5432/volunteering"),
        setting("SPRING_R2DBC_USERNAME", "spring.r2dbc.username", "volunteering"),
        setting("SPRING_R2DBC_PASSWORD", "spring.r2dbc.password", "volunteering"));
  }

  /** A PostgreSQL server: its R2DBC URL (naming a database on it), user and password. */
  public record Server(String r2dbcUrl, String user, String password) {}

  /** A system property, else an environment variable, else the fallback. */
  static String setting(String variable, String property, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(variable);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
