package sa.volunteering.matching.system.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * UP when PostgreSQL answers over R2DBC; tells the server version and the schema version Flyway
 * left.
 */
@Component("postgresqlHealthIndicator")
class PostgresqlHealthIndicator implements ReactiveHealthIndicator {

  private static final String PROBE =
      """
      select current_setting('server_version') as version,
             current_database() as database,
             (select version from flyway_schema_history where success and version is not null
              order by installed_rank desc limit 1) as schema_version
      """;

  private final DatabaseClient database;
  private final HealthProperties properties;

  PostgresqlHealthIndicator(DatabaseClient database, HealthProperties properties) {
    this.database = database;
    this.properties = properties;
  }

  @Override
  public Mono<Health> health() {
    return database
        .sql(PROBE)
        .map(
            row ->
                Health.up()
                    .withDetail("version", String.valueOf(row.get("version", String.class)))
                    .withDetail("database", String.valueOf(row.get("database", String.class)))
                    .withDetail(
                        "schemaVersion", String.valueOf(row.get("schema_version", String.class)))
                    .build())
        .one()
        .timeout(properties.timeout())
        .onErrorResume(
            error -> Mono.just(Health.down().withDetail("error", error.toString()).build()));
  }
}
