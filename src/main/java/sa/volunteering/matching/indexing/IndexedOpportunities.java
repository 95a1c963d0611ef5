package sa.volunteering.matching.indexing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.index.SearchIndexProperties;

/**
 * Announces, on {@code NOTIFY opportunities_indexed}, the ids of opportunities just written to the
 * live index, inside the indexing transaction, so that every instance hears of them once the batch
 * commits. A payload holds at most {@link #IDS_PER_NOTIFICATION} ids, comma-separated (PostgreSQL
 * caps payloads at 8,000 bytes).
 */
@Component
public class IndexedOpportunities {

  public static final String CHANNEL = "opportunities_indexed";
  static final int IDS_PER_NOTIFICATION = 150;

  private final DatabaseClient database;
  private final String alias;

  IndexedOpportunities(DatabaseClient database, SearchIndexProperties indexes) {
    this.database = database;
    this.alias = indexes.alias("opportunities");
  }

  Mono<Void> announce(List<IndexAction.Put> indexed) {
    return notify(
        database,
        CHANNEL,
        indexed.stream()
            .filter(put -> put.index().equals(alias))
            .map(IndexAction.Put::id)
            .toList());
  }

  /** Notifies the ids on the channel, {@link #IDS_PER_NOTIFICATION} at a time. */
  static Mono<Void> notify(DatabaseClient database, String channel, List<String> ids) {
    List<String> payloads = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_NOTIFICATION) {
      payloads.add(
          String.join(",", ids.subList(from, Math.min(ids.size(), from + IDS_PER_NOTIFICATION))));
    }
    return Flux.fromIterable(payloads)
        .concatMap(
            payload ->
                database
                    .sql("select pg_notify('" + channel + "', :payload)")
                    .bind("payload", payload)
                    .fetch()
                    .rowsUpdated())
        .then();
  }
}
