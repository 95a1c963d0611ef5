package sa.volunteering.matching.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Reads what the outbox holds about some aggregates, to check that each change announced itself
 * once.
 */
public final class OutboxRows {

  /** One outbox row, as "type id version". */
  public record Row(String type, UUID id, long version) {
    @Override
    public String toString() {
      return type + " " + id + " v" + version;
    }
  }

  private final DatabaseClient database;
  private long seen;

  public OutboxRows(DatabaseClient database) {
    this.database = database;
    this.seen =
        database
            .sql("select coalesce(max(id), 0) as last from outbox")
            .map(row -> row.get("last", Long.class))
            .one()
            .block(Duration.ofSeconds(10));
  }

  /** The rows about {@code ids} written since the last call. */
  public List<Row> newRows(UUID... ids) {
    List<Object[]> rows =
        database
            .sql(
                "select id, aggregate_type, aggregate_id, aggregate_version from outbox"
                    + " where id > :seen and aggregate_id = any(:ids) order by id")
            .bind("seen", seen)
            .bind("ids", ids)
            .map(
                row ->
                    new Object[] {
                      row.get("id", Long.class),
                      new Row(
                          row.get("aggregate_type", String.class),
                          row.get("aggregate_id", UUID.class),
                          row.get("aggregate_version", Long.class))
                    })
            .all()
            .collectList()
            .block(Duration.ofSeconds(10));
    seen =
        database
            .sql("select coalesce(max(id), 0) as last from outbox")
            .map(row -> row.get("last", Long.class))
            .one()
            .block(Duration.ofSeconds(10));
    return rows.stream().map(row -> (Row) row[1]).toList();
  }
}
