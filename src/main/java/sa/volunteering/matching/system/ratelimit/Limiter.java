package sa.volunteering.matching.system.ratelimit;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * One limit ("address" or "principal"): the instance's own buckets first, which refuse without a
 * round trip, then the buckets every instance shares, when they are on.
 */
final class Limiter {

  private final RateLimitProperties.Limit limit;
  private final TokenBuckets local;
  private final SharedBuckets shared;
  private final boolean sharing;
  private final String by;

  Limiter(
      RateLimitProperties properties,
      RateLimitProperties.Limit limit,
      SharedBuckets shared,
      String by) {
    this.limit = limit;
    this.local = new TokenBuckets(limit, properties.maxTracked(), System::nanoTime);
    this.shared = shared;
    this.sharing = properties.shared().enabled();
    this.by = by;
  }

  String by() {
    return by;
  }

  /**
   * Zero when the request may go on, else how long until it may. A request the shared bucket
   * refuses gives its token back to the instance's own, which then counts only what was granted.
   */
  Mono<Duration> take(String key) {
    String bucket = by + " " + key;
    Duration wait = local.take(bucket);
    if (!wait.isZero() || !sharing) {
      return Mono.just(wait);
    }
    return shared
        .take(bucket, limit)
        .doOnNext(
            refused -> {
              if (!refused.isZero()) {
                local.giveBack(bucket);
              }
            });
  }
}
