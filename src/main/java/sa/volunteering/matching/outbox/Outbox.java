package sa.volunteering.matching.outbox;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes outbox rows. Call it inside the transaction that makes the change (the R2DBC connection is
 * bound to the subscriber's context), so that the row exists exactly when the change does.
 */
@Component
public class Outbox {

  private final DatabaseClient database;

  Outbox(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Void> announce(AggregateType type, UUID id, long version) {
    return database
        .sql(
            "insert into outbox (aggregate_type, aggregate_id, aggregate_version) values (:type, :id, :version)")
        .bind("type", type.column())
        .bind("id", id)
        .bind("version", version)
        .fetch()
        .rowsUpdated()
        .then();
  }
}
