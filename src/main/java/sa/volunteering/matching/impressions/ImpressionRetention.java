package sa.volunteering.matching.impressions;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes impressions older than {@code app.impressions.retention}, every {@code retention-every},
 * in deletes of at most {@code retention-batch} rows. Safe in several instances at once: each
 * delete takes whatever old rows are left.
 */
@Component
class ImpressionRetention implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ImpressionRetention.class);

  private final DatabaseClient database;
  private final ImpressionProperties properties;
  private volatile Disposable running = () -> {};
  private volatile boolean started;

  ImpressionRetention(DatabaseClient database, ImpressionProperties properties) {
    this.database = database;
    this.properties = properties;
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
    running =
        Flux.interval(properties.retentionEvery())
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    deleteOld()
                        .onErrorResume(
                            error -> {
                              log.warn("Deleting old impressions failed; will retry", error);
                              return Mono.empty();
                            }))
            .subscribe();
    started = true;
  }

  @Override
  public void stop() {
    running.dispose();
    started = false;
  }

  @Override
  public boolean isRunning() {
    return started;
  }
}
