package sa.volunteering.matching.system.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.Columns;

/**
 * Token buckets every instance shares, kept in PostgreSQL ({@code rate_limit_buckets}, decision
 * 0037): one statement per request takes a token under the bucket's row lock. When PostgreSQL does
 * not answer within {@code shared.timeout}, the request is let through (the instance's own bucket
 * has already admitted it) and the shared buckets are left alone for {@code shared.pause}, so that
 * an outage of the system of record does not stop searches.
 */
final class SharedBuckets {

  private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

  private final DatabaseClient database;
  private final RateLimitProperties.Shared shared;
  private final LongSupplier nanoTime;
  private final AtomicLong pausedUntil;
  private final Counter unavailable;

  SharedBuckets(
      DatabaseClient database,
      RateLimitProperties.Shared shared,
      MeterRegistry meters,
      LongSupplier nanoTime) {
    this.database = database;
    this.shared = shared;
    this.nanoTime = nanoTime;
    this.pausedUntil = new AtomicLong(nanoTime.getAsLong());
    this.unavailable =
        Counter.builder("http.rate_limit.shared_unavailable")
            .description(
                "Requests let through on the instance's own bucket: PostgreSQL did not answer")
            .register(meters);
  }

  /**
   * Takes a token from {@code key}'s shared bucket: zero when there was one, else how long until
   * there is.
   */
  Mono<Duration> take(String key, RateLimitProperties.Limit limit) {
    if (nanoTime.getAsLong() - pausedUntil.get() < 0) {
      unavailable.increment();
      return Mono.just(Duration.ZERO);
    }
    return database
        .sql("select rate_limit_take(:key, :perSecond, :burst) as wait")
        .bind("key", key)
        .bind("perSecond", limit.perSecond())
        .bind("burst", (double) limit.burst())
        .map(row -> Columns.required(row, "wait", Double.class))
        .one()
        .map(
            seconds ->
                seconds <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(seconds * 1e9)))
        .timeout(shared.timeout())
        .onErrorResume(
            failure -> {
              unavailable.increment();
              pausedUntil.set(nanoTime.getAsLong() + shared.pause().toNanos());
              log.warn(
                  "Shared rate limit unavailable ({}); each instance limits on its own for {}",
                  failure.toString(),
                  shared.pause());
              return Mono.just(Duration.ZERO);
            });
  }
}
