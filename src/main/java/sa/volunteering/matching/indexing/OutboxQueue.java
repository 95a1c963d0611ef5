package sa.volunteering.matching.indexing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.system.web.PageRequest;

/**
 * The outbox as a work queue: claim, acknowledge, retry later, park, and the figures operators
 * watch.
 */
@Repository
class OutboxQueue {

  private final DatabaseClient database;

  OutboxQueue(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Locks up to {@code limit} deliverable rows, oldest first, skipping rows another instance holds.
   * Must run inside the transaction that later acknowledges them: the locks last until it ends.
   */
  Flux<OutboxRow> claim(int limit) {
    return database
        .sql(
            "select id, aggregate_type, aggregate_id, aggregate_version, attempts from outbox"
                + " where processed_at is null and parked_at is null and next_attempt_at <= now()"
                + " order by id limit :limit for update skip locked")
        .bind("limit", limit)
        .map(
            row ->
                new OutboxRow(
                    Columns.required(row, "id", Long.class),
                    Columns.required(row, "aggregate_type", String.class),
                    Columns.required(row, "aggregate_id", UUID.class),
                    Columns.required(row, "aggregate_version", Long.class),
                    Columns.required(row, "attempts", Integer.class)))
        .all();
  }

  Mono<Void> done(Collection<Long> ids) {
    return ids.isEmpty()
        ? Mono.empty()
        : database
            .sql("update outbox set processed_at = now(), last_error = null where id = any(:ids)")
            .bind("ids", ids.toArray(Long[]::new))
            .then();
  }

  Mono<Void> retryLater(Collection<Long> ids, Duration delay, String error) {
    return ids.isEmpty()
        ? Mono.empty()
        : database
            .sql(
                "update outbox set attempts = attempts + 1, last_error = :error,"
                    + " next_attempt_at = now() + make_interval(secs => :seconds) where id = any(:ids)")
            .bind("ids", ids.toArray(Long[]::new))
            .bind("error", truncate(error))
            .bind("seconds", delay.toMillis() / 1000.0)
            .then();
  }

  Mono<Void> park(Collection<Long> ids, String reason) {
    return ids.isEmpty()
        ? Mono.empty()
        : database
            .sql(
                "update outbox set attempts = attempts + 1, last_error = :reason, parked_at = now()"
                    + " where id = any(:ids)")
            .bind("ids", ids.toArray(Long[]::new))
            .bind("reason", truncate(reason))
            .then();
  }

  Flux<IndexingFailure> parked(PageRequest page) {
    return database
        .sql(
            "select id, aggregate_type, aggregate_id, aggregate_version, attempts, last_error, created_at, parked_at"
                + " from outbox where parked_at is not null order by parked_at desc, id limit :limit offset :offset")
        .bind("limit", page.size())
        .bind("offset", page.offset())
        .map(
            row ->
                new IndexingFailure(
                    Columns.required(row, "id", Long.class),
                    Columns.required(row, "aggregate_type", String.class),
                    Columns.required(row, "aggregate_id", UUID.class),
                    Columns.required(row, "aggregate_version", Long.class),
                    Columns.required(row, "attempts", Integer.class),
                    String.valueOf(row.get("last_error", String.class)),
                    Columns.required(row, "created_at", Instant.class),
                    Columns.required(row, "parked_at", Instant.class)))
        .all();
  }

  Mono<Long> countParked() {
    return database
        .sql("select count(*) as n from outbox where parked_at is not null")
        .map(row -> Columns.required(row, "n", Long.class))
        .one();
  }

  /** Puts a parked row back in the queue for an immediate attempt; empty when it was not parked. */
  Mono<Long> unpark(long id) {
    return database
        .sql(
            "update outbox set parked_at = null, attempts = 0, next_attempt_at = now() where id = :id and parked_at is not null returning id")
        .bind("id", id)
        .map(row -> Columns.required(row, "id", Long.class))
        .one();
  }

  /** Pending rows and the age of the oldest, in one look. */
  Mono<Backlog> backlog() {
    return database
        .sql(
            "select count(*) as pending, extract(epoch from now() - min(created_at)) as oldest"
                + " from outbox where processed_at is null and parked_at is null")
        .map(
            row -> {
              Number oldest = row.get("oldest", Number.class);
              return new Backlog(
                  Columns.required(row, "pending", Long.class),
                  oldest == null ? 0 : oldest.doubleValue());
            })
        .one();
  }

  record Backlog(long pending, double oldestSeconds) {}

  private static String truncate(@Nullable String text) {
    String value = String.valueOf(text);
    return value.length() > 1000 ? value.substring(0, 1000) : value;
  }
}
