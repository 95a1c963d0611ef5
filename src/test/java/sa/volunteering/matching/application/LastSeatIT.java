package sa.volunteering.matching.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;

/**
 * Two organization members accept two applicants for the last seat at the same moment: one wins.
 */
@IntegrationTest
class LastSeatIT {

  private static final int ROUNDS = 10;

  @LocalServerPort int port;

  @Autowired DatabaseClient database;

  @Test
  void exactlyOneOfTwoConcurrentAcceptsGetsTheLastSeat() throws Exception {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        UUID opportunity = fixtures.published(organization, 1);
        UUID first = fixtures.application(fixtures.volunteer(), opportunity);
        UUID second = fixtures.application(fixtures.volunteer(), opportunity);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> a =
            CompletableFuture.supplyAsync(() -> accept(api, start, organization, first), pool);
        CompletableFuture<Integer> b =
            CompletableFuture.supplyAsync(() -> accept(api, start, organization, second), pool);
        start.countDown();

        assertThat(List.of(a.get(), b.get()))
            .as("round %d", round)
            .containsExactlyInAnyOrder(200, 409);
        assertThat(accepted(opportunity)).as("round %d", round).isEqualTo(1);
        assertThat(
                api.get("/api/opportunities/" + opportunity, null).body().path("seatsLeft").asInt())
            .isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int accept(Api api, CountDownLatch start, UUID organization, UUID application) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return api.post(
            "/api/applications/" + application + "/accept", Tokens.member(organization), null)
        .status();
  }

  private long accepted(UUID opportunity) {
    return database
        .sql(
            "select count(*) as n from applications where opportunity_id = :id and status = 'accepted'")
        .bind("id", opportunity)
        .map(row -> row.get("n", Long.class))
        .one()
        .block(Duration.ofSeconds(10));
  }
}
