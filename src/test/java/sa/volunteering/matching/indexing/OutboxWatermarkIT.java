package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.support.IntegrationTest;

/**
 * The late commit a reindex must not miss, reproduced step by step: a transaction takes an outbox
 * id, another change commits with a higher id, the watermark is read, and only then does the first
 * transaction commit. Its row is below the watermark's id (a catch-up by id alone skips it), and
 * the catch-up must still apply it.
 */
@IntegrationTest
class OutboxWatermarkIT {

  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @Autowired ConnectionFactory connections;

  @Autowired DatabaseClient database;

  @Test
  void aChangeWithALowerIdThatCommitsAfterTheWatermarkIsCaughtUp() {
    UUID late = UUID.randomUUID();
    Connection held = Mono.from(connections.create()).block(PATIENCE);
    try {
      Mono.from(held.beginTransaction()).block(PATIENCE);
      long lateId =
          Flux.from(
                  held.createStatement(
                          "insert into outbox (aggregate_type, aggregate_id, aggregate_version)"
                              + " values ('volunteer', $1, 1) returning id")
                      .bind("$1", late)
                      .execute())
              .flatMap(result -> result.map((row, metadata) -> row.get("id", Long.class)))
              .blockLast(PATIENCE);

      database
          .sql(
              "insert into outbox (aggregate_type, aggregate_id, aggregate_version) values ('volunteer', :id, 1)")
          .bind("id", UUID.randomUUID())
          .then()
          .block(PATIENCE);
      OutboxWatermark watermark = OutboxWatermark.take(database).block(PATIENCE);
      Mono.from(held.commitTransaction()).block(PATIENCE);

      assertThat(lateId)
          .as("the late row's id is at or below the watermark's: a catch-up by id alone misses it")
          .isLessThanOrEqualTo(watermark.last());
      List<UUID> caughtUp =
          watermark
              .since(database, List.of("volunteer"))
              .map(OutboxRow::aggregateId)
              .collectList()
              .block(PATIENCE);
      assertThat(caughtUp).contains(late);
    } finally {
      Mono.from(held.close()).block(PATIENCE);
    }
  }
}
