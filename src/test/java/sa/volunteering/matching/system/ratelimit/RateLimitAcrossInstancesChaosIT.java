package sa.volunteering.matching.system.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.ServiceProcess;
import sa.volunteering.matching.support.Tokens;

/**
 * Issue 25's global limit: three packaged instances on one database, one principal sending at three
 * times its limit spread over them round robin. Together they grant the limit once (burst + rate ×
 * duration, within 10 %), where instances limiting on their own would grant it three times.
 */
@IntegrationTest
class RateLimitAcrossInstancesChaosIT {

  private static final int PER_SECOND = 10;
  private static final int BURST = 10;
  private static final Duration FOR = Duration.ofSeconds(6);
  private static final String ENDPOINT = "/api/taxonomy/fields";

  @Test
  void threeInstancesGrantOnePrincipalItsLimitOnce() throws Exception {
    List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      starting.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return ServiceProcess.start(
                      "--app.rate-limit.enabled=true",
                      "--app.rate-limit.per-principal.per-second=" + PER_SECOND,
                      "--app.rate-limit.per-principal.burst=" + BURST,
                      "--app.indexing.enabled=false");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    List<ServiceProcess> instances = new ArrayList<>();
    try {
      for (CompletableFuture<ServiceProcess> instance : starting) {
        instances.add(instance.join());
      }
      List<Api> apis = instances.stream().map(instance -> new Api(instance.port())).toList();
      // a cold instance's first answers take long enough for the bucket to sit full and lose refill
      String warming = Tokens.volunteer(UUID.randomUUID());
      for (int i = 0; i < 3 * BURST; i++) {
        apis.get(i % apis.size()).get(ENDPOINT, warming);
      }
      String principal = Tokens.volunteer(UUID.randomUUID());
      int attempts = (int) (3 * PER_SECOND * FOR.toSeconds());
      long every = FOR.toNanos() / attempts;
      int granted = 0;
      int refused = 0;
      int other = 0;
      long start = System.nanoTime();
      long last = start;
      for (int i = 0; i < attempts; i++) {
        LockSupport.parkNanos(start + i * every - System.nanoTime());
        last = System.nanoTime();
        int status = apis.get(i % apis.size()).get(ENDPOINT, principal).status();
        if (status == 200) {
          granted++;
        } else if (status == 429) {
          refused++;
        } else {
          other++;
        }
      }
      double seconds = (last - start) / 1e9;
      double allowed = BURST + PER_SECOND * seconds;
      System.out.printf(
          "rate limit across 3 instances (%d/s, burst %d per principal): %d requests at %.0f/s"
              + " round robin for %.1f s -> %d granted, %d refused, %d other; granted / allowed"
              + " %.3f (each instance on its own would allow %.0f)%n",
          PER_SECOND,
          BURST,
          attempts,
          attempts / seconds,
          seconds,
          granted,
          refused,
          other,
          granted / allowed,
          3 * allowed);
      assertThat(other).isZero();
      assertThat((double) granted).isBetween(0.9 * allowed, 1.1 * allowed);
    } finally {
      for (ServiceProcess instance : instances) {
        instance.close();
      }
    }
  }
}
