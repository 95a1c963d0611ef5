package sa.volunteering.matching.impressions;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.PeriodicJob;

/**
 * Deletes impressions older than {@code app.impressions.retention}, every {@code retention-every},
 * in deletes of at most {@code retention-batch} rows. Safe in several instances at once: each
 * delete takes whatever old rows are left.
 */
@Component
class ImpressionRetention extends PeriodicJob {

  private final DatabaseClient database;
  private final ImpressionProperties properties;

  ImpressionRetention(DatabaseClient database, ImpressionProperties properties) {
    super("Deleting old impressions", properties.retentionEvery(), true);
    this.database = database;
    this.properties = properties;
  }

  @Override
  protected Mono<Long> runOnce() {
    return deleteOld();
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
}
