package sa.volunteering.matching.system;

import io.r2dbc.spi.Option;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The driver options of {@code spring.r2dbc.properties} (the statement and lock-wait bounds among
 * them) on every connection, whatever supplies its address. Spring Boot applies them only to a
 * connection built from {@code spring.r2dbc.url}; connection details from elsewhere (a service
 * connection, as the tests' PostgreSQL container) would otherwise drop them, and with them the
 * bounds.
 */
@Configuration(proxyBeanMethods = false)
class DriverOptions {

  @Bean
  ConnectionFactoryOptionsBuilderCustomizer configuredDriverOptions(R2dbcProperties properties) {
    return options ->
        properties
            .getProperties()
            .forEach((name, value) -> options.option(Option.valueOf(name), value));
  }
}
