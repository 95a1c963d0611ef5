package sa.volunteering.matching.indexing;

import io.r2dbc.spi.Readable;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.problem.Problems;

/**
 * Reindex jobs in PostgreSQL: one running job per index across every instance (a unique index says
 * so), readable by any instance, finished ones pruned by age.
 */
@Repository
class ReindexJobs {

  private static final String STATE =
      "case when state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale)"
          + " then 'INTERRUPTED' else state end";

  private final DatabaseClient database;
  private final ReindexProperties properties;
  private final String instance = ManagementFactory.getRuntimeMXBean().getName();

  ReindexJobs(DatabaseClient database, ReindexProperties properties) {
    this.database = database;
    this.properties = properties;
  }

  /**
   * Records a new running job; 409 while another job of the index runs anywhere with a fresh
   * heartbeat.
   */
  Mono<Void> claim(UUID id, String index, String target) {
    return database
        .sql(
            "update reindex_jobs set state = 'INTERRUPTED', finished_at = now(),"
                + " error = 'its instance stopped writing progress' where index_name = :index and state = 'RUNNING'"
                + " and heartbeat_at < now() - make_interval(secs => :stale)")
        .bind("index", index)
        .bind("stale", properties.staleAfter().toSeconds())
        .then()
        .then(
            database
                .sql(
                    "delete from reindex_jobs where finished_at < now() - make_interval(secs => :keep)")
                .bind("keep", properties.keepFinished().toSeconds())
                .then())
        .then(
            database
                .sql(
                    "insert into reindex_jobs (id, index_name, target, state, instance) values (:id, :index, :target, 'RUNNING', :instance)")
                .bind("id", id)
                .bind("index", index)
                .bind("target", target)
                .bind("instance", instance)
                .then())
        .onErrorMap(
            DataIntegrityViolationException.class,
            duplicate ->
                Problems.conflict(
                    "reindex-running",
                    "Reindex already running",
                    "A reindex of " + index + " is running; wait for it to end"));
  }

  /** The running instance's heartbeat: how far the job is. */
  Mono<Void> progress(ReindexJob job) {
    return database
        .sql(
            "update reindex_jobs set total = :total, done = :done, caught_up = :caughtUp, heartbeat_at = now()"
                + " where id = :id and state = 'RUNNING'")
        .bind("id", UUID.fromString(job.id))
        .bind("total", job.total.get())
        .bind("done", job.done.get())
        .bind("caughtUp", job.caughtUp.get())
        .then();
  }

  /**
   * The job's end as the running instance saw it: SUCCEEDED, FAILED or INTERRUPTED (its instance
   * stopped).
   */
  Mono<Void> finish(ReindexJob job, String state, @Nullable String error) {
    DatabaseClient.GenericExecuteSpec update =
        database
            .sql(
                "update reindex_jobs set state = :state, total = :total, done = :done,"
                    + " caught_up = :caughtUp, error = :error, finished_at = now(), heartbeat_at = now() where id = :id and state = 'RUNNING'")
            .bind("id", UUID.fromString(job.id))
            .bind("state", state)
            .bind("total", job.total.get())
            .bind("done", job.done.get())
            .bind("caughtUp", job.caughtUp.get());
    return (error == null ? update.bindNull("error", String.class) : update.bind("error", error))
        .then();
  }

  /** The job as any instance sees it; 404 when there is none. */
  Mono<ReindexJob.Progress> find(String id) {
    UUID key;
    try {
      key = UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      return Mono.error(Problems.notFound("Reindex job", id));
    }
    return database
        .sql(
            "select id, index_name, target, "
                + STATE
                + " as state, total, done, caught_up, started_at, finished_at, error"
                + " from reindex_jobs where id = :id")
        .bind("id", key)
        .bind("stale", properties.staleAfter().toSeconds())
        .map(row -> progress(row))
        .one()
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Reindex job", id)));
  }

  private static ReindexJob.Progress progress(Readable row) {
    return ReindexJob.Progress.of(
        String.valueOf(row.get("id", UUID.class)),
        text(row, "index_name"),
        text(row, "target"),
        text(row, "state"),
        value(row, "total"),
        value(row, "done"),
        value(row, "caught_up"),
        Objects.requireNonNull(row.get("started_at", Instant.class)),
        row.get("finished_at", Instant.class),
        row.get("error", String.class));
  }

  private static String text(Readable row, String column) {
    return Objects.requireNonNull(row.get(column, String.class), column);
  }

  private static long value(Readable row, String column) {
    Long value = row.get(column, Long.class);
    return value == null ? 0 : value;
  }
}
