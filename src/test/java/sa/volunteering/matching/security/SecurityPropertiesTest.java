package sa.volunteering.matching.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Outside the local profile there is no key, and the service must refuse to start, saying which.
 */
class SecurityPropertiesTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Keys.class);

  @Test
  void withoutKeysTheContextFailsNamingTheSetting() {
    context.run(
        started -> {
          assertThat(started).hasFailed();
          assertThat(started.getStartupFailure())
              .rootCause()
              .hasMessageContaining("app.security.jwt-secret");
        });
  }

  @Test
  void aShortKeyIsRefused() {
    context
        .withPropertyValues(
            "app.security.jwt-secret=c2hvcnQ=", "app.security.national-id-key=c2hvcnQ=")
        .run(started -> assertThat(started).hasFailed());
  }

  @Test
  void withKeysTheContextStartsAndDoesNotPrintThem() {
    String key = "i/x2sA4RH0lX6EbHp19mMaTFWEcurNZF4lp7brLw77E=";
    context
        .withPropertyValues("app.security.jwt-secret=" + key, "app.security.national-id-key=" + key)
        .run(
            started -> {
              assertThat(started).hasNotFailed();
              assertThat(started.getBean(SecurityProperties.class).toString()).doesNotContain(key);
            });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SecurityProperties.class)
  static class Keys {}
}
