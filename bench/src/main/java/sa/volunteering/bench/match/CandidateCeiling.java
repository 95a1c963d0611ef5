package sa.volunteering.bench.match;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.AdminToken;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Http;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.OpenLoad;
import sa.volunteering.bench.Report;

/**
 * The highest rate at which an opportunity's candidates keep their p99 within 100 ms: the rate is
 * stepped up until a step misses, or errs, or overloads the client.
 */
@Component
class CandidateCeiling implements Measurement {

  static final double P99_LIMIT_MS = 100;
  private static final int SAMPLES = 300;

  private final Samples samples;
  private final AdminToken admin;

  CandidateCeiling(Samples samples, AdminToken admin) {
    this.samples = samples;
    this.admin = admin;
  }

  @Override
  public int order() {
    return 31;
  }

  @Override
  public Report.Section measure(Bench bench) throws Exception {
    Report.Section section =
        new Report.Section("Candidates: the highest rate with p99 within 100 ms");
    List<HttpRequest> requests = requests(bench);
    if (requests.isEmpty()) {
      return section.paragraph("Nothing to measure: no open opportunity.");
    }
    List<List<String>> rows = new ArrayList<>();
    double highest = 0;
    for (double rate : bench.scale().ceilingRates()) {
      OpenLoad.run(bench.http(), "warm-up", requests, rate, bench.scale().warmUp(), 256);
      OpenLoad.Result result =
          OpenLoad.run(bench.http(), "candidates", requests, rate, bench.scale().perRate(), 256);
      boolean held =
          result.millis(99) <= P99_LIMIT_MS && result.errors() == 0 && result.overloaded() == 0;
      rows.add(
          List.of(
              Report.number(rate),
              Report.number(result.millis(50)),
              Report.number(result.millis(99)),
              String.valueOf(result.errors() + result.overloaded()),
              held ? "held" : "missed"));
      if (!held) {
        break;
      }
      highest = rate;
    }
    return section
        .paragraph(
            "The candidates of "
                + requests.size()
                + " sampled open opportunities, "
                + bench.scale().perRate().toSeconds()
                + " s at each rate after a warm-up, stepping up until the p99 passes "
                + Report.number(P99_LIMIT_MS)
                + " ms. Highest rate held: **"
                + (highest == 0 ? "none" : Report.number(highest) + " requests a second")
                + "**"
                + (highest == bench.scale().ceilingRates().getLast()
                    ? " (the last step tried)"
                    : "")
                + ".")
        .table(
            List.of(
                "rate (req/s)",
                "p50 (ms)",
                "p99 (ms)",
                "errors or overloaded",
                "p99 within 100 ms"),
            rows);
  }

  private List<HttpRequest> requests(Bench bench) throws Exception {
    String bearer = admin.bearer();
    return samples.opportunities(SAMPLES).stream()
        .map(
            sample ->
                Http.get(
                    bench.service() + "/api/opportunities/" + sample.id() + "/candidates", bearer))
        .toList();
  }
}
