package sa.volunteering.matching.system.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key, refilled continuously. Taking a token is atomic per key; buckets idle long
 * enough to be full again (so forgetting them changes nothing) are dropped when more than {@code
 * maxTracked} are kept.
 */
final class TokenBuckets {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final RateLimitProperties.Limit limit;
  private final int maxTracked;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong lastSweep =
      new java.util.concurrent.atomic.AtomicLong();

  TokenBuckets(RateLimitProperties.Limit limit, int maxTracked, LongSupplier nanoTime) {
    this.limit = limit;
    this.maxTracked = maxTracked;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes a token from {@code key}'s bucket: zero when there was one, else how long until there is.
   */
  Duration take(String key) {
    long now = nanoTime.getAsLong();
    double[] missing = {0};
    buckets.compute(
        key,
        (ignored, current) -> {
          Bucket bucket =
              current == null ? new Bucket(limit.burst(), now) : current.refilled(now, limit);
          if (bucket.tokens >= 1) {
            return new Bucket(bucket.tokens - 1, now);
          }
          missing[0] = 1 - bucket.tokens;
          return bucket;
        });
    long swept = lastSweep.get();
    if (buckets.size() > maxTracked
        && now - swept >= NANOS_PER_SECOND
        && lastSweep.compareAndSet(swept, now)) {
      forgetIdle(now);
    }
    return missing[0] == 0
        ? Duration.ZERO
        : Duration.ofNanos((long) Math.ceil(missing[0] / limit.perSecond() * NANOS_PER_SECOND));
  }

  /**
   * Puts back the token a request took from {@code key}'s bucket (never beyond the burst): the
   * request was refused elsewhere, and should not count against this bucket.
   */
  void giveBack(String key) {
    buckets.computeIfPresent(
        key,
        (ignored, bucket) ->
            new Bucket(Math.min(limit.burst(), bucket.tokens + 1), bucket.updated));
  }

  int tracked() {
    return buckets.size();
  }

  private void forgetIdle(long now) {
    long refillNanos = (long) (limit.burst() / limit.perSecond() * NANOS_PER_SECOND);
    buckets.entrySet().removeIf(entry -> now - entry.getValue().updated >= refillNanos);
  }

  /** Tokens left as of {@code updated}. */
  private record Bucket(double tokens, long updated) {

    Bucket refilled(long now, RateLimitProperties.Limit limit) {
      double refill = (now - updated) / (double) NANOS_PER_SECOND * limit.perSecond();
      return new Bucket(Math.min(limit.burst(), tokens + refill), now);
    }
  }
}
