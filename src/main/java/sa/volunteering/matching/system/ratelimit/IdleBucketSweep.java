package sa.volunteering.matching.system.ratelimit;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.PeriodicJob;

/**
 * Deletes the shared buckets untouched for as long as the slowest limit takes to refill, every
 * {@code app.rate-limit.shared.sweep-every}: they are full again, so a deleted row changes nothing,
 * and the table holds only the callers of the last minutes. Safe in several instances at once: a
 * delete waits for a request holding the row, then finds it touched and leaves it.
 */
@Component
class IdleBucketSweep extends PeriodicJob {

  private final DatabaseClient database;
  private final RateLimitProperties properties;

  IdleBucketSweep(DatabaseClient database, RateLimitProperties properties) {
    super(
        "Deleting full shared rate-limit buckets",
        properties.shared().sweepEvery(),
        properties.enabled() && properties.shared().enabled());
    this.database = database;
    this.properties = properties;
  }

  @Override
  protected Mono<Long> runOnce() {
    return sweep();
  }

  /** Emits how many rows went. */
  Mono<Long> sweep() {
    Duration full = max(properties.perAddress().refill(), properties.perPrincipal().refill());
    return database
        .sql(
            "delete from rate_limit_buckets where refilled_at < clock_timestamp() - make_interval(secs => :full)")
        .bind("full", full.toNanos() / 1e9)
        .fetch()
        .rowsUpdated();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
