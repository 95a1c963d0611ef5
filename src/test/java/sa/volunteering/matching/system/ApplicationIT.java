package sa.volunteering.matching.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import sa.volunteering.matching.support.IntegrationTest;

/** The service started against the local stack: health, migrations, and the blocking-call guard. */
@IntegrationTest
class ApplicationIT {

  @LocalServerPort int port;

  @Autowired DatabaseClient database;

  @LocalManagementPort int managementPort;

  WebTestClient web() {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(10))
        .build();
  }

  WebTestClient management() {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + managementPort)
        .responseTimeout(Duration.ofSeconds(10))
        .build();
  }

  @Test
  void healthIsUpForAnyoneWithItsComponentsForAdministrators() throws java.io.IOException {
    int latestMigration =
        java.util.Arrays.stream(
                new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath:db/migration/V*__*.sql"))
            .mapToInt(
                migration ->
                    Integer.parseInt(
                        migration
                            .getFilename()
                            .substring(1, migration.getFilename().indexOf("__"))))
            .max()
            .orElseThrow();
    management()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components")
        .doesNotExist();
    management()
        .get()
        .uri("/actuator/health")
        .header("Authorization", "Bearer " + sa.volunteering.matching.support.Tokens.admin())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.elasticsearch.status")
        .isEqualTo("UP")
        .jsonPath("$.components.elasticsearch.details.version")
        .isEqualTo("9.5.3")
        .jsonPath("$.components.elasticsearch.details.analysisPlugin")
        .isEqualTo("volunteering-arabic-analysis installed")
        .jsonPath("$.components.postgresql.status")
        .isEqualTo("UP")
        .jsonPath("$.components.postgresql.details.schemaVersion")
        .isEqualTo(String.valueOf(latestMigration));
  }

  @Test
  void flywayCreatedTheOutbox() {
    StepVerifier.create(
            database
                .sql("select count(*) as pending from outbox where processed_at is null")
                .map(row -> row.get("pending", Long.class))
                .one())
        .assertNext(pending -> assertThat(pending).isNotNegative())
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void everyStatementAndLockWaitIsBounded() {
    StepVerifier.create(
            database
                .sql(
                    "select current_setting('statement_timeout') as statement, current_setting('lock_timeout') as lock")
                .map(
                    row -> row.get("statement", String.class) + " " + row.get("lock", String.class))
                .one())
        .expectNext("15s 5s")
        .verifyComplete();
    StepVerifier.create(database.sql("select pg_sleep(20)").fetch().rowsUpdated())
        .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("statement timeout"))
        .verify(Duration.ofSeconds(25));
  }

  @Test
  void blockHoundRejectsBlockingOnANonBlockingThread() {
    Mono<String> sleepy =
        Mono.fromCallable(
                () -> {
                  Thread.sleep(1);
                  return "slept";
                })
            .subscribeOn(Schedulers.parallel());
    assertThatThrownBy(sleepy::block).hasCauseInstanceOf(BlockingOperationError.class);
  }
}
