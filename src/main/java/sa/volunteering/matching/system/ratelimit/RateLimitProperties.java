package sa.volunteering.matching.system.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
 */
@Validated
@ConfigurationProperties("app.rate-limit")
public record RateLimitProperties(
    boolean enabled,
    @Valid @NotNull Limit perPrincipal,
    @Valid @NotNull Limit perAddress,
    @Min(100) int maxTracked) {

  /** A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. */
  public record Limit(@DecimalMin("0.01") double perSecond, @Min(1) int burst) {}
}
