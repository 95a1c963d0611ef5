package sa.volunteering.matching.system.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;

/**
 * Overload: callers sending at twice their budget get 429 with Retry-After for the excess and never
 * a 5xx, while a caller within its budget is served throughout.
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "app.rate-limit.per-principal.per-second=5", "app.rate-limit.per-principal.burst=5",
      "app.rate-limit.per-address.per-second=40", "app.rate-limit.per-address.burst=40"
    })
class RateLimitIT {

  private static final long TICK_NANOS = 100_000_000L;
  private static final String ENDPOINT = "/api/taxonomy/fields";

  @LocalServerPort int port;

  @Test
  void aPrincipalAtTwiceItsBudgetIsHeldBackWhileAnotherWithinItsBudgetIsServed()
      throws InterruptedException {
    Api api = new Api(port);
    String greedy = Tokens.volunteer(UUID.randomUUID());
    String modest = Tokens.volunteer(UUID.randomUUID());
    List<Api.Response> greedyAnswers = new ArrayList<>();
    List<Api.Response> modestAnswers = new ArrayList<>();
    long start = System.nanoTime();
    for (int tick = 0; tick < 40; tick++) {
      waitFor(start + tick * TICK_NANOS);
      greedyAnswers.add(api.get(ENDPOINT, greedy));
      if (tick % 5 == 0) {
        modestAnswers.add(api.get(ENDPOINT, modest));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Counts greedyCounts = Counts.of(greedyAnswers);
    Counts modestCounts = Counts.of(modestAnswers);
    System.out.printf(
        "rate limit per principal (5/s, burst 5): 10/s for %.1f s -> %s; 2/s alongside -> %s%n",
        seconds, greedyCounts, modestCounts);

    assertThat(greedyCounts.serverErrors).isZero();
    assertThat(greedyCounts.tooMany).as("the excess is refused").isGreaterThanOrEqualTo(12);
    assertThat(greedyCounts.ok).as("about burst + rate × duration").isBetween(15, 28);
    assertThat(modestCounts.ok)
        .as("a principal within its budget is always served")
        .isEqualTo(modestAnswers.size());
    greedyAnswers.stream()
        .filter(response -> response.status() == 429)
        .forEach(RateLimitIT::assertTooMany);

    Api.Response refused =
        greedyAnswers.stream()
            .filter(response -> response.status() == 429)
            .reduce((a, b) -> b)
            .orElseThrow();
    Thread.sleep(Long.parseLong(refused.headers().getFirst("Retry-After")) * 1000);
    assertThat(api.get(ENDPOINT, greedy).status())
        .as("served again after Retry-After")
        .isEqualTo(200);
  }

  @Test
  void anAddressAtTwiceItsBudgetIsHeldBackSignedInOrNot() throws InterruptedException {
    Api api = new Api(port);
    Thread.sleep(1_100);
    List<Api.Response> answers = new ArrayList<>();
    long start = System.nanoTime();
    for (int tick = 0; tick < 160; tick++) {
      waitFor(start + tick * TICK_NANOS / 8);
      answers.add(api.get(ENDPOINT, tick % 2 == 0 ? null : "not-a-token"));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Counts counts = Counts.of(answers);
    System.out.printf(
        "rate limit per address (40/s, burst 40): 80/s for %.1f s -> %s%n", seconds, counts);
    assertThat(counts.serverErrors).isZero();
    assertThat(counts.tooMany)
        .as("the excess is refused, bad tokens included")
        .isGreaterThanOrEqualTo(25);
    assertThat(counts.ok + counts.unauthorized)
        .as("about burst + rate × duration")
        .isBetween(100, 140);
    answers.stream()
        .filter(response -> response.status() == 429)
        .forEach(RateLimitIT::assertTooMany);
  }

  private static void assertTooMany(Api.Response response) {
    assertThat(response.headers().getContentType()).hasToString("application/problem+json");
    assertThat(response.body().path("type").asString()).isEqualTo("/problems/too-many-requests");
    assertThat(Long.parseLong(response.headers().getFirst("Retry-After"))).isBetween(1L, 2L);
  }

  private static void waitFor(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  private record Counts(int ok, int unauthorized, int tooMany, int serverErrors) {
    static Counts of(List<Api.Response> answers) {
      return new Counts(
          (int) answers.stream().filter(a -> a.status() == 200).count(),
          (int) answers.stream().filter(a -> a.status() == 401).count(),
          (int) answers.stream().filter(a -> a.status() == 429).count(),
          (int) answers.stream().filter(a -> a.status() >= 500).count());
    }

    @Override
    public String toString() {
      return ok
          + " served, "
          + unauthorized
          + " unauthorized, "
          + tooMany
          + " refused with 429, "
          + serverErrors
          + " server errors";
    }
  }
}
