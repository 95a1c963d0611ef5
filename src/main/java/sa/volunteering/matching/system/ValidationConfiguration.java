package sa.volunteering.matching.system;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Validation messages are always interpolated in English, the language of problem details. Left to
 * the request's locale, a client's {@code Accept-Language} would make Bean Validation read another
 * language's message bundle from the class path, a blocking read on an event-loop thread (the fuzz
 * test found it); {@link ValidationWarmUp} loads the one bundle used at start-up.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

  @Bean
  static LocalValidatorFactoryBean defaultValidator() {
    MessageInterpolator standard = new MessageInterpolatorFactory().getObject();
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.setMessageInterpolator(
        new MessageInterpolator() {
          @Override
          public String interpolate(String template, Context context) {
            return standard.interpolate(template, context, Locale.ENGLISH);
          }

          @Override
          public String interpolate(String template, Context context, Locale locale) {
            return standard.interpolate(template, context, Locale.ENGLISH);
          }
        });
    return validator;
  }
}
