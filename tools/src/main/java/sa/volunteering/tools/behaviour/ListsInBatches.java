package sa.volunteering.tools.behaviour;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.Columns;

/**
 * Reads the impressions logged since a time about {@link #ROWS} at a time, in the order they were
 * shown, each batch whole lists: the rows of a list share the instant it was answered, so a batch
 * ends at an instant, found on the index of impressions by time. Each statement ends before its
 * rows are worked on, so none outlives the service's statement timeout however slowly they are
 * consumed, and none scans more than its batch.
 */
final class ListsInBatches {

  /** About how many impressions one statement reads. */
  static final int ROWS = 10_000;

  /** The condition a batch's statement adds, on impressions {@code i}. */
  static final String WHERE = "i.shown_at > :after and i.shown_at <= :upTo";

  /** Later than anything shown: the last batch's end. */
  static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

  private static final String NEXT_END =
      "select shown_at from impressions where shown_at > :after order by shown_at offset "
          + (ROWS - 1)
          + " limit 1";

  private ListsInBatches() {}

  /**
   * Every row of {@code sql} (which holds {@link #WHERE}) shown since {@code since}, batch after
   * batch, each read by {@code row}.
   */
  static <T> Flux<T> all(
      DatabaseClient database, String sql, Instant since, Function<Readable, T> row) {
    return all(
        database,
        since,
        (after, upTo) ->
            database.sql(sql).bind("after", after).bind("upTo", upTo).map(row).all().collectList());
  }

  /**
   * Every row shown since {@code since}, batch after batch: {@code batch} reads the rows shown
   * after its first instant and up to its second.
   */
  private static <T> Flux<T> all(
      DatabaseClient database, Instant since, BiFunction<Instant, Instant, Mono<List<T>>> batch) {
    // shown_at is kept to the microsecond: just before since
    Instant first = since.minusNanos(1_000);
    return next(database, first, batch)
        .expand(read -> read.upTo().equals(END) ? Mono.empty() : next(database, read.upTo(), batch))
        .concatMapIterable(Read::rows);
  }

  private record Read<T>(Instant upTo, List<T> rows) {}

  private static <T> Mono<Read<T>> next(
      DatabaseClient database, Instant after, BiFunction<Instant, Instant, Mono<List<T>>> batch) {
    return database
        .sql(NEXT_END)
        .bind("after", after)
        .map(row -> Columns.required(row, "shown_at", Instant.class))
        .one()
        .defaultIfEmpty(END)
        .flatMap(upTo -> batch.apply(after, upTo).map(rows -> new Read<>(upTo, rows)));
  }
}
