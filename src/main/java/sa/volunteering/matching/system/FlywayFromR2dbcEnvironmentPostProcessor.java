package sa.volunteering.matching.system;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Flyway migrates over JDBC while the service talks R2DBC. So that one setting, {@code
 * spring.r2dbc.url} (or {@code SPRING_R2DBC_URL}), points both at the same database, this derives
 * {@code spring.flyway.url}, {@code .user} and {@code .password} from the R2DBC ones unless they
 * are set.
 */
public class FlywayFromR2dbcEnvironmentPostProcessor implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String r2dbcUrl = environment.getProperty("spring.r2dbc.url");
    if (r2dbcUrl == null) {
      return;
    }
    Map<String, Object> derived = new HashMap<>();
    if (!environment.containsProperty("spring.flyway.url")) {
      derived.put("spring.flyway.url", jdbcUrl(r2dbcUrl));
    }
    copyIfAbsent(environment, derived, "spring.r2dbc.username", "spring.flyway.user");
    copyIfAbsent(environment, derived, "spring.r2dbc.password", "spring.flyway.password");
    environment.getPropertySources().addLast(new MapPropertySource("flywayFromR2dbc", derived));
  }

  /** The JDBC URL of the database an R2DBC URL names (its options left out). */
  public static String jdbcUrl(String r2dbcUrl) {
    String url = r2dbcUrl.replaceFirst("^r2dbc:(pool:)?", "jdbc:");
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /**
   * A reference rather than a copy, so that a value given later (by a test's dynamic properties) is
   * the one used.
   */
  private static void copyIfAbsent(
      ConfigurableEnvironment environment, Map<String, Object> derived, String from, String to) {
    if (!environment.containsProperty(to)) {
      derived.put(to, "${" + from + ":}");
    }
  }
}
