package sa.volunteering.matching.indexing;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Announces, on {@code NOTIFY documents_changed}, the ids of every document of any live index just
 * written or removed, inside the indexing transaction, so that every instance drops what it keeps
 * of them once the batch commits. Ids are UUIDs, unique across indexes.
 */
@Component
public class ChangedDocuments {

  public static final String CHANNEL = "documents_changed";

  private final DatabaseClient database;

  ChangedDocuments(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> announce(List<String> ids) {
    return IndexedOpportunities.notify(database, CHANNEL, ids);
  }
}
