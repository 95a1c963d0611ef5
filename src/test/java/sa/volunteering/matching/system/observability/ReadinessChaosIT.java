package sa.volunteering.matching.system.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.volunteering.matching.indexing.IndexingProperties;
import sa.volunteering.matching.indexing.OutboxIndexer;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Stack;
import sa.volunteering.matching.support.Tokens;

/**
 * Readiness follows what the instance needs, liveness does not: with PostgreSQL stopped, {@code
 * /readyz} is DOWN (and writes answer 503) while {@code /livez} stays UP; with a change waiting
 * longer than the lag threshold (2 s here), readiness is DOWN until the change is indexed. Runs in
 * the failsafe execution "chaos", where no background indexer drains the outbox, and stops the
 * stack's PostgreSQL through bin/stack.
 */
@IntegrationTest
class ReadinessChaosIT {

  private static final Duration LAG_THRESHOLD = Duration.ofSeconds(2);

  @LocalServerPort int port;

  @LocalManagementPort int managementPort;

  @Autowired IndexingProperties configured;

  @Autowired OutboxIndexer indexer;

  @DynamicPropertySource
  static void quickToLag(DynamicPropertyRegistry registry) {
    registry.add("app.indexing.lag-threshold", () -> LAG_THRESHOLD.toMillis() + "ms");
    registry.add("app.health.timeout", () -> "2s");
  }

  @Test
  void readinessIsDownWhilePostgresqlIsStoppedAndLivenessIsNot() throws InterruptedException {
    assumeThat(configured.enabled()).as("runs only in the failsafe execution \"chaos\"").isFalse();
    Api api = new Api(port);
    awaitStatus("/readyz before the outage", () -> api.get("/readyz", null).status(), 200);
    long stoppedAt = System.nanoTime();
    Stack.run("stop", "postgresql");
    try {
      int ready =
          awaitStatus(
              "/readyz while PostgreSQL is stopped", () -> api.get("/readyz", null).status(), 503);
      long downAfterMs = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
      Api.Response readiness =
          new Api(managementPort).get("/actuator/health/readiness", Tokens.admin());
      Api.Response write =
          api.post(
              "/api/organizations", Tokens.admin(), Fixtures.organizationBody("جمعية", "Society"));
      int live = api.get("/livez", null).status();
      System.out.printf(
          "fault test, readiness: PostgreSQL stopped: /readyz %d after %d ms, postgresql %s, /livez %d, a write answered %d%n",
          ready,
          downAfterMs,
          readiness.body().path("components").path("postgresql").path("status").asString(),
          live,
          write.status());
      assertThat(readiness.body().path("components").path("postgresql").path("status").asString())
          .isEqualTo("DOWN");
      assertThat(live).as("/livez").isEqualTo(200);
      assertThat(write.status())
          .as("a write while PostgreSQL is stopped: %s", write)
          .isEqualTo(503);
      assertThat(write.headers().getFirst("Retry-After")).isNotBlank();
    } finally {
      Stack.run("start", "postgresql");
    }
    awaitStatus("/readyz after PostgreSQL is back", () -> api.get("/readyz", null).status(), 200);
  }

  @Test
  void readinessIsDownWhileAChangeWaitsLongerThanTheLagThreshold() throws InterruptedException {
    assumeThat(configured.enabled()).as("runs only in the failsafe execution \"chaos\"").isFalse();
    Api api = new Api(port);
    indexer.drain().block(Duration.ofSeconds(60));
    awaitStatus("/readyz with nothing pending", () -> api.get("/readyz", null).status(), 200);

    UUID organization = new Fixtures(api).organization();
    int lagging =
        awaitStatus("/readyz with a change waiting", () -> api.get("/readyz", null).status(), 503);
    Api.Response readiness =
        new Api(managementPort).get("/actuator/health/readiness", Tokens.admin());
    assertThat(readiness.body().path("components").path("indexing").path("status").asString())
        .isEqualTo("DOWN");
    assertThat(
            readiness
                .body()
                .path("components")
                .path("indexing")
                .path("details")
                .path("lagging")
                .asBoolean())
        .isTrue();

    indexer.drain().block(Duration.ofSeconds(60));
    int caughtUp =
        awaitStatus("/readyz once indexed", () -> api.get("/readyz", null).status(), 200);
    System.out.printf(
        "fault test, readiness: a change (organization %s) waiting past the %d s lag threshold: /readyz %d; indexed: /readyz %d%n",
        organization, LAG_THRESHOLD.toSeconds(), lagging, caughtUp);
  }

  private static int awaitStatus(String what, IntSupplier status, int expected)
      throws InterruptedException {
    int last =
        await(what)
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .ignoreExceptions()
            .until(status::getAsInt, answered -> answered == expected);
    assertThat(last).as(what).isEqualTo(expected);
    return last;
  }
}
