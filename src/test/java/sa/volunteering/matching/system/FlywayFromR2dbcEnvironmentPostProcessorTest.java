package sa.volunteering.matching.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class FlywayFromR2dbcEnvironmentPostProcessorTest {

  private final FlywayFromR2dbcEnvironmentPostProcessor processor =
      new FlywayFromR2dbcEnvironmentPostProcessor();

  @Test
  void derivesTheJdbcUrlAndCredentialsFromR2dbc() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty(
                "spring.r2dbc.url", "r2dbc:postgresql://db.internal:5433/platform?sslMode=require")
            .withProperty("spring.r2dbc.username", "svc")
            .withProperty("spring.r2dbc.password", "secret");
    processor.postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("spring.flyway.url"))
        .isEqualTo("jdbc:postgresql://db.internal:5433/platform");
    assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("svc");
    assertThat(environment.getProperty("spring.flyway.password")).isEqualTo("secret");
  }

  @Test
  void followsACredentialGivenAfterTheEnvironmentWasPrepared() {
    MockEnvironment environment =
        new MockEnvironment().withProperty("spring.r2dbc.url", "r2dbc:postgresql://a/one");
    processor.postProcessEnvironment(environment, new SpringApplication());
    environment.setProperty("spring.r2dbc.password", "given-later");
    assertThat(environment.getProperty("spring.flyway.password")).isEqualTo("given-later");
  }

  @Test
  void dropsThePoolDriverPrefix() {
    assertThat(FlywayFromR2dbcEnvironmentPostProcessor.jdbcUrl("r2dbc:pool:postgresql://h/db"))
        .isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void leavesExplicitFlywaySettingsAlone() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("spring.r2dbc.url", "r2dbc:postgresql://a/one")
            .withProperty("spring.r2dbc.username", "svc")
            .withProperty("spring.flyway.url", "jdbc:postgresql://b/two")
            .withProperty("spring.flyway.user", "owner");
    processor.postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://b/two");
    assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("owner");
  }
}
