package sa.volunteering.tools.behaviour;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the impressions of many lists a few hundred lists at a time, in the order of their ids:
 * each statement ends before its rows are worked on, so none outlives the service's statement
 * timeout however slowly the rows are consumed.
 */
final class ListsInBatches {

  /** How many lists one statement reads. */
  static final int LISTS = 500;

  /** Where the first batch starts: before every list id. */
  static final UUID FIRST = new UUID(0, 0);

  /** The condition a batch's statement adds, on impressions {@code i}, with {@code :since}. */
  static final String WHERE =
      "i.list_id in (select distinct list_id from impressions where shown_at >= :since and list_id > :after"
          + " order by list_id limit "
          + LISTS
          + ")";

  private ListsInBatches() {}

  /**
   * Every row, batch after batch: {@code batch} reads the lists after the id it is given, and
   * {@code list} says which list a row is of.
   */
  static <T> Flux<T> all(Function<UUID, Mono<List<T>>> batch, Function<T, UUID> list) {
    return batch
        .apply(FIRST)
        .expand(rows -> rows.isEmpty() ? Mono.empty() : batch.apply(list.apply(rows.getLast())))
        .concatMapIterable(rows -> rows);
  }
}
