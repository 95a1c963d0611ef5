package sa.volunteering.matching.stats;

import io.r2dbc.spi.Connection;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.TokenIssuer;
import sa.volunteering.matching.system.CommandLine;
import sa.volunteering.matching.system.bench.BenchmarkCommands;
import sa.volunteering.matching.system.bench.Load;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/bench-stats}: latency of the summary and of each breakdown through the service, and what a write
 * pays for keeping indicators current (a verification with the indicator trigger and without it, inside a
 * transaction that is rolled back). Runs on the command's main thread and the load runner's threads.
 */
@Component
class StatsBenchmark {

  private final TokenIssuer tokens;
  private final DatabaseClient database;
  private final JsonMapper json;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  StatsBenchmark(TokenIssuer tokens, DatabaseClient database, JsonMapper json) {
    this.tokens = tokens;
    this.database = database;
    this.json = json;
  }

  List<String> run(String service, int concurrency, int requests, int writes) throws Exception {
    CommandLine.requireBlockingThread();
    String admin = tokens.admin("bench-admin", BenchmarkCommands.TOKEN_LIFETIME).bearer();
    UUID busiest = java.util.Objects.requireNonNull(CommandLine.await(database
        .sql("select key::uuid as id from indicator_totals where dimension = 'organization' order by active_volunteers desc limit 1")
        .map(row -> UUID.fromString(row.get("id", String.class))).one(), Duration.ofSeconds(30)));
    String member = tokens.member("bench-member", busiest, BenchmarkCommands.TOKEN_LIFETIME).bearer();
    Map<String, String> questions = new LinkedHashMap<>();
    questions.put("summary, all time", "/api/stats");
    questions.put("summary, 2025", "/api/stats?from=2025-01&to=2025-12");
    questions.put("summary, 2025-06", "/api/stats?from=2025-06&to=2025-06");
    for (String by : List.of("field", "city", "region", "month", "organization")) {
      questions.put("by " + by + ", all time", "/api/stats/breakdown?by=" + by + "&size=100");
      questions.put("by " + by + ", 2025", "/api/stats/breakdown?by=" + by + "&size=100&from=2025-01&to=2025-12");
    }
    questions.put("own organization by field, 2025", "/api/stats/breakdown?by=field&from=2025-01&to=2025-12");

    String upToDate = json.readTree(http.send(BenchmarkCommands.get(service + "/api/stats", null), HttpResponse.BodyHandlers.ofString()).body())
        .path("upToDate").asString();
    List<String> report = new ArrayList<>();
    report.add(String.format(Locale.ROOT, "%d requests per question at concurrency %d; summaries up to date: %s", requests, concurrency, upToDate));
    for (Map.Entry<String, String> question : questions.entrySet()) {
      String token = question.getKey().startsWith("own") ? member : admin;
      List<Integer> items = Collections.nCopies(requests, 0);
      Load.run(http, question.getKey(), items.subList(0, Math.min(20, requests)), concurrency, i -> BenchmarkCommands.get(service + question.getValue(), token));
      Load.Latencies latencies = Load.run(http, question.getKey(), items, concurrency, i -> BenchmarkCommands.get(service + question.getValue(), token));
      report.add(String.format(Locale.ROOT, "  %-34s p50 %7.1f ms, p99 %7.1f ms, %5.0f req/s", question.getKey(), latencies.percentile(50),
          latencies.percentile(99), latencies.throughput()));
    }
    report.add(writeCost(writes));
    return report;
  }

  /** Verifies {@code writes} logged hour entries one statement at a time, with the trigger and then without, and rolls both back. */
  private String writeCost(int writes) {
    String verify = "update volunteer_hours set status = 'verified', version = version + 1, updated_at = now() where id = $1";
    return CommandLine.await(database.inConnection(connection -> Mono.from(connection.beginTransaction())
        .thenMany(Flux.from(connection.createStatement("select id from volunteer_hours where status = 'logged' limit " + writes).execute())
            .flatMap(result -> result.map((row, meta) -> row.get("id", UUID.class))))
        .collectList()
        .flatMap(ids -> timed(connection, verify, ids.subList(0, ids.size() / 2))
            .flatMap(with -> Mono.from(connection.createStatement("alter table volunteer_hours disable trigger volunteer_hours_indicators_update").execute())
                .flatMap(result -> Mono.from(result.getRowsUpdated()))
                .then(timed(connection, verify, ids.subList(ids.size() / 2, ids.size())))
                .map(without -> String.format(Locale.ROOT,
                    "write cost: verifying one hour entry, %d statements each way: with the indicator trigger p50 %.2f ms, p99 %.2f ms;"
                        + " without p50 %.2f ms, p99 %.2f ms (rolled back)", ids.size() / 2, with.percentile(50), with.percentile(99),
                    without.percentile(50), without.percentile(99)))))
        .flatMap(line -> Mono.from(connection.rollbackTransaction()).thenReturn(line))), Duration.ofMinutes(10));
  }

  private static Mono<Load.Latencies> timed(Connection connection, String sql, List<UUID> ids) {
    long started = System.nanoTime();
    return Flux.fromIterable(ids)
        .concatMap(id -> {
          long start = System.nanoTime();
          return Flux.from(connection.createStatement(sql).bind("$1", id).execute())
              .flatMap(result -> Mono.from(result.getRowsUpdated()))
              .then(Mono.fromSupplier(() -> (System.nanoTime() - start) / 1e6));
        })
        .collectList()
        .map(millis -> new Load.Latencies("verify", millis, (System.nanoTime() - started) / 1e9));
  }
}
