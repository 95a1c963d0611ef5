package sa.volunteering.matching.impressions;

import java.time.Instant;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.PeriodicWork;

/**
 * Deletes impressions older than {@code app.impressions.retention}, every {@code retention-every},
 * in deletes of at most {@code retention-batch} rows. Safe in several instances at once: each
 * delete takes whatever old rows are left.
 */
@Component
class ImpressionRetention implements SmartLifecycle {

  private final DatabaseClient database;
  private final ImpressionProperties properties;
  private final PeriodicWork work;

  ImpressionRetention(DatabaseClient database, ImpressionProperties properties) {
    this.database = database;
    this.properties = properties;
    this.work =
        new PeriodicWork("Deleting old impressions", properties.retentionEvery(), this::deleteOld);
  }

  /** Deletes what is past the retention; emits how many rows went. */
  Mono<Long> deleteOld() {
    Instant before = Instant.now().minus(properties.retention());
    return deleteBatch(before)
        .expand(
            deleted -> deleted < properties.retentionBatch() ? Mono.empty() : deleteBatch(before))
        .reduce(0L, Long::sum);
  }

  private Mono<Long> deleteBatch(Instant before) {
    return database
        .sql(
            "delete from impressions where id in (select id from impressions where shown_at < :before order by shown_at limit :batch)")
        .bind("before", before)
        .bind("batch", properties.retentionBatch())
        .fetch()
        .rowsUpdated();
  }

  @Override
  public void start() {
    work.start();
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
