package sa.volunteering.bench.stats;

import io.r2dbc.spi.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.Report;
import sa.volunteering.tools.CommandLine;

/**
 * What a write pays for keeping the indicators current: verifications of logged hour entries, one
 * statement at a time, half with the indicator trigger and half with it disabled, in one
 * transaction rolled back. The trigger appends indicator changes (rolled back too): its own work.
 */
@Component
class IndicatorWriteCost implements Measurement {

  private static final int WRITES = 1_000;

  private final DatabaseClient database;

  IndicatorWriteCost(DatabaseClient database) {
    this.database = database;
  }

  /** Last: the rolled-back updates leave dead rows that autovacuum visits a minute later. */
  @Override
  public int order() {
    return 90;
  }

  @Override
  public Set<String> ownWork() {
    return Set.of("indicators");
  }

  @Override
  public Report.Section measure(Bench bench) {
    Histogram with = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    Histogram without = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    CommandLine.await(writeCost(with, without), Duration.ofMinutes(10));
    return new Report.Section("Indicators: what a write pays to keep them current")
        .paragraph(
            "Verifying one logged hour entry, one statement at a time, "
                + with.getTotalCount()
                + " with the indicator trigger and "
                + without.getTotalCount()
                + " with it disabled, in one transaction rolled back: p50 "
                + millis(with, 50)
                + " ms against "
                + millis(without, 50)
                + " ms, p99 "
                + millis(with, 99)
                + " ms against "
                + millis(without, 99)
                + " ms.");
  }

  /**
   * Half the verifications with the trigger, half without (disabled inside the transaction), all
   * rolled back.
   */
  private Mono<Void> writeCost(Histogram with, Histogram without) {
    String verify =
        "update volunteer_hours set status = 'verified', version = version + 1, updated_at = now() where id = $1";
    return database.inConnection(
        connection ->
            Mono.from(connection.beginTransaction())
                .thenMany(
                    Flux.from(
                            connection
                                .createStatement(
                                    "select id from volunteer_hours where status = 'logged' limit "
                                        + WRITES)
                                .execute())
                        .flatMap(
                            result ->
                                result.map(
                                    (row, meta) ->
                                        Objects.requireNonNull(row.get("id", UUID.class)))))
                .collectList()
                .flatMap(
                    ids ->
                        timed(connection, verify, ids.subList(0, ids.size() / 2), with)
                            .then(
                                Mono.from(
                                        connection
                                            .createStatement(
                                                "alter table volunteer_hours disable trigger volunteer_hours_indicators_update")
                                            .execute())
                                    .flatMap(result -> Mono.from(result.getRowsUpdated())))
                            .then(
                                timed(
                                    connection,
                                    verify,
                                    ids.subList(ids.size() / 2, ids.size()),
                                    without)))
                .then(Mono.from(connection.rollbackTransaction())));
  }

  private static Mono<Void> timed(
      Connection connection, String sql, List<UUID> ids, Histogram micros) {
    return Flux.fromIterable(ids)
        .concatMap(
            id -> {
              long start = System.nanoTime();
              return Flux.from(connection.createStatement(sql).bind("$1", id).execute())
                  .flatMap(result -> Mono.from(result.getRowsUpdated()))
                  .then(
                      Mono.fromRunnable(
                          () -> micros.recordValue((System.nanoTime() - start) / 1000)));
            })
        .then();
  }

  private static String millis(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0
        ? "-"
        : Report.number(micros.getValueAtPercentile(percentile) / 1000.0);
  }
}
