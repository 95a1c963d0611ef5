package sa.volunteering.matching.system.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many API requests a caller may make. Each signed-in principal (the token's subject) and each
 * client address has a bucket of {@code burst} requests refilled at {@code per-second}; a request
 * finding its bucket empty gets 429 with {@code Retry-After}. Behind a reverse proxy, set {@code
 * server.forward-headers-strategy: framework} so that the address is the client's, not the proxy's.
 *
 * @param enabled false turns limiting off (a load test of the service alone, say)
 * @param perPrincipal the bucket of each signed-in principal
 * @param perAddress the bucket of each client address, signed in or not
 * @param maxTracked buckets kept at most; beyond it, the idle ones are forgotten
 * @param shared the buckets all instances share, in PostgreSQL (decision 0037)
 */
@Validated
@ConfigurationProperties("app.rate-limit")
public record RateLimitProperties(
    boolean enabled,
    @Valid @NotNull Limit perPrincipal,
    @Valid @NotNull Limit perAddress,
    @Min(100) int maxTracked,
    @Valid @NotNull Shared shared) {

  /** A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. */
  public record Limit(@DecimalMin("0.01") double perSecond, @Min(1) int burst) {

    /** How long an emptied bucket takes to be full again. */
    Duration refill() {
      return Duration.ofNanos((long) Math.ceil(burst / perSecond * 1e9));
    }
  }

  /**
   * Buckets shared by every instance, behind each instance's own: a request the instance's bucket
   * admits takes a token from the shared one too.
   *
   * @param enabled false: each instance limits on its own, and N instances grant N times the limit
   * @param timeout how long a request waits for PostgreSQL's answer before it is let through
   * @param pause how long the shared buckets are then left alone
   * @param sweepEvery how often the rows of buckets full again are deleted
   */
  public record Shared(
      boolean enabled,
      @NotNull Duration timeout,
      @NotNull Duration pause,
      @NotNull Duration sweepEvery) {}
}
