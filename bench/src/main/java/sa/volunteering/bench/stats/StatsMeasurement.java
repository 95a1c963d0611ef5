package sa.volunteering.bench.stats;

import io.r2dbc.spi.Connection;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.bench.AdminToken;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Http;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.OpenLoad;
import sa.volunteering.bench.Report;
import sa.volunteering.matching.security.TokenIssuer;
import sa.volunteering.tools.CommandLine;

/**
 * The indicators: the summary and each breakdown through the service at a constant rate, and what a
 * write pays for keeping them current (verifications with the indicator trigger and without it, in
 * a transaction rolled back).
 */
@Component
class StatsMeasurement implements Measurement {

  private static final int WRITES = 1_000;

  private final AdminToken admin;
  private final TokenIssuer tokens;
  private final DatabaseClient database;

  StatsMeasurement(AdminToken admin, TokenIssuer tokens, DatabaseClient database) {
    this.admin = admin;
    this.tokens = tokens;
    this.database = database;
  }

  @Override
  public int order() {
    return 45;
  }

  @Override
  public Report.Section measure(Bench bench) throws Exception {
    UUID busiest =
        Objects.requireNonNull(
            CommandLine.await(
                database
                    .sql(
                        "select key::uuid as id from indicator_totals where dimension = 'organization' order by active_volunteers desc limit 1")
                    .map(row -> UUID.fromString(row.get("id", String.class)))
                    .one()
                    .defaultIfEmpty(new UUID(0, 0)),
                Duration.ofSeconds(30)));
    String member = tokens.member("bench-member", busiest, Duration.ofHours(1)).bearer();
    Map<String, String> questions = new LinkedHashMap<>();
    questions.put("summary, all time", "/api/stats");
    questions.put("summary, one year", "/api/stats?from=2025-01&to=2025-12");
    for (String by : List.of("field", "city", "region", "month", "organization")) {
      questions.put("by " + by + ", all time", "/api/stats/breakdown?by=" + by + "&size=100");
    }
    questions.put(
        "an organization's own, by field", "/api/stats/breakdown?by=field&from=2025-01&to=2025-12");
    double rate = bench.scale().matchRate();
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, String> question : questions.entrySet()) {
      String token = question.getKey().startsWith("an organization") ? member : admin.bearer();
      List<HttpRequest> requests = List.of(Http.get(bench.service() + question.getValue(), token));
      OpenLoad.run(bench.http(), "warm-up", requests, rate, bench.scale().warmUp(), 64);
      OpenLoad.Result result =
          OpenLoad.run(
              bench.http(), question.getKey(), requests, rate, bench.scale().perRate(), 64);
      rows.add(
          List.of(
              question.getKey(),
              Report.number(result.millis(50)),
              Report.number(result.millis(99)),
              String.valueOf(result.errors())));
    }
    Histogram with = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    Histogram without = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    CommandLine.await(writeCost(with, without), Duration.ofMinutes(10));
    return new Report.Section("Indicators: questions and the cost of keeping them current")
        .paragraph(
            "Each question at "
                + Report.number(rate)
                + " requests a second for "
                + bench.scale().perRate().toSeconds()
                + " s, after a warm-up.")
        .table(List.of("question", "p50 (ms)", "p99 (ms)", "errors"), rows)
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
