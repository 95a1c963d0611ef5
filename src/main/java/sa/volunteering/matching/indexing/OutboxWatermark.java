package sa.volunteering.matching.indexing;

import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.Columns;

/**
 * Where a reindex's load begins in the outbox, such that the catch-up after the swap sees every
 * change the load may have missed. The highest id is not enough: a transaction that took a lower id
 * and commits after the watermark was read is invisible then, may be drained into the old index
 * before the swap, and would never reach the new one. So the watermark also keeps the oldest
 * transaction still running when it was read, and the catch-up takes every row above the id or
 * written (inserted, or marked done) by that transaction or a later one.
 *
 * @param last the highest outbox id visible when the watermark was read
 * @param oldestRunning the low 32 bits of the oldest transaction id still running then ({@code
 *     pg_snapshot_xmin})
 */
record OutboxWatermark(long last, long oldestRunning) {

  private static final BigInteger XID_SPACE = BigInteger.ONE.shiftLeft(32);

  /** Reads the watermark: both parts from the same statement, so from the same snapshot. */
  static Mono<OutboxWatermark> take(DatabaseClient database) {
    return database
        .sql(
            "select coalesce(max(id), 0) as last, pg_snapshot_xmin(pg_current_snapshot())::text as oldest from outbox")
        .map(
            row ->
                new OutboxWatermark(
                    Columns.required(row, "last", Long.class),
                    new BigInteger(row.get("oldest", String.class)).mod(XID_SPACE).longValue()))
        .one();
  }

  /**
   * The rows of these aggregate types to apply again after the swap, in id order. A row's {@code
   * xmin} is the transaction that wrote its current version, compared with the watermark's modulo
   * 2^32 (transaction ids wrap): at or after it means written by a transaction that had not
   * committed when the watermark was read, or that began later. Rows applied twice are harmless:
   * documents carry external versions.
   */
  Flux<OutboxRow> since(DatabaseClient database, List<String> types) {
    return database
        .sql(
            "select id, aggregate_type, aggregate_id, aggregate_version from outbox where aggregate_type = any(:types)"
                + " and (id > :last or (xmin::text::bigint - :oldest + 4294967296) % 4294967296 < 2147483648) order by id")
        .bind("types", types.toArray(String[]::new))
        .bind("last", last)
        .bind("oldest", oldestRunning)
        .map(
            row ->
                new OutboxRow(
                    Columns.required(row, "id", Long.class),
                    Columns.required(row, "aggregate_type", String.class),
                    Columns.required(row, "aggregate_id", UUID.class),
                    Columns.required(row, "aggregate_version", Long.class),
                    0))
        .all();
  }
}
