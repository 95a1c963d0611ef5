package sa.volunteering.matching.system.ratelimit;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.PeriodicWork;

/**
 * Deletes the shared buckets untouched for as long as the slowest limit takes to refill, every
 * {@code app.rate-limit.shared.sweep-every}: they are full again, so a deleted row changes nothing,
 * and the table holds only the callers of the last minutes. Safe in several instances at once: a
 * delete waits for a request holding the row, then finds it touched and leaves it.
 */
@Component
class IdleBucketSweep implements SmartLifecycle {

  private final DatabaseClient database;
  private final RateLimitProperties properties;
  private final PeriodicWork work;

  IdleBucketSweep(DatabaseClient database, RateLimitProperties properties) {
    this.database = database;
    this.properties = properties;
    this.work =
        new PeriodicWork(
            "Deleting full shared rate-limit buckets",
            properties.shared().sweepEvery(),
            this::sweep);
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

  @Override
  public void start() {
    if (properties.enabled() && properties.shared().enabled()) {
      work.start();
    }
  }

  @Override
  public void stop() {
    work.stop();
  }

  @Override
  public boolean isRunning() {
    return work.isRunning();
  }
}
