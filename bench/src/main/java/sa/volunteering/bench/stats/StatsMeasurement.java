package sa.volunteering.bench.stats;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.AdminToken;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Http;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.OpenLoad;
import sa.volunteering.bench.Report;
import sa.volunteering.matching.security.TokenIssuer;
import sa.volunteering.tools.CommandLine;

/** The indicators: the summary and each breakdown through the service at a constant rate. */
@Component
class StatsMeasurement implements Measurement {

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
    return new Report.Section("Indicators: the questions dashboards ask")
        .paragraph(
            "Each question at "
                + Report.number(rate)
                + " requests a second for "
                + bench.scale().perRate().toSeconds()
                + " s, after a warm-up.")
        .table(List.of("question", "p50 (ms)", "p99 (ms)", "errors"), rows);
  }
}
