package sa.volunteering.bench.sidebyside;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.OpenLoad;
import sa.volunteering.bench.Report;
import sa.volunteering.bench.Workload;

/**
 * Two builds of the service under one load in the same seconds ({@code bin/side-by-side}): every
 * mix at the suite's lowest and highest rates split between the two, request by request, in rounds,
 * so that whatever else the machine does falls on both alike. Without {@code --side-by-side.before}
 * and {@code --side-by-side.after} both sides are this process's own service, which measures the
 * method's own noise.
 */
@Component
class SideBySide implements Measurement {

  /** The issues' rule: a change may cost at most this ratio of the build before it. */
  static final double AIM = 1.10;

  static final int ROUNDS = 3;
  private static final int MAX_IN_FLIGHT = 256;

  private final List<Workload> workloads;
  private final Environment environment;

  SideBySide(List<Workload> workloads, Environment environment) {
    this.workloads = workloads;
    this.environment = environment;
  }

  @Override
  public int order() {
    return 90;
  }

  @Override
  public boolean onRequestOnly() {
    return true;
  }

  /** The impressions either build writes, and the autovacuum they set off, are the load's own. */
  @Override
  public Set<String> ownWork() {
    return Set.of("PostgreSQL");
  }

  @Override
  public long warmUp(Bench bench) throws Exception {
    List<Side> sides = sides(bench);
    long sent = 0;
    for (Workload workload : chosen()) {
      List<List<HttpRequest>> requests = requests(workload, sides);
      double highest = rates(workload, bench).getLast() / 2;
      for (OpenLoad.Result result :
          OpenLoad.interleaved(
              bench.http(),
              names(sides),
              requests,
              highest,
              bench.scale().suiteWarmUp(),
              MAX_IN_FLIGHT)) {
        sent += result.sent();
      }
    }
    return sent;
  }

  @Override
  public Report.Section measure(Bench bench) throws Exception {
    List<Side> sides = sides(bench);
    Side before = sides.get(0);
    Side after = sides.get(1);
    List<List<String>> rows = new ArrayList<>();
    for (Workload workload : chosen()) {
      List<List<HttpRequest>> requests = requests(workload, sides);
      List<Double> rates = rates(workload, bench);
      OpenLoad.interleaved(
          bench.http(),
          names(sides),
          requests,
          rates.get(0) / 2,
          bench.scale().warmUp(),
          MAX_IN_FLIGHT);
      for (double total : rates) {
        rows.add(row(bench, workload, sides, requests, total / 2));
      }
    }
    return new Report.Section(
            "Side by side: " + before.name() + " (before) and " + after.name() + " (after)")
        .paragraph(
            "Both builds ran as services of their own on the same stack and data, each with its own"
                + " copy of the indexes the build defines, and one client sent them the same mix in the"
                + " same seconds: each request of a mix to both, one after the other, the side that goes"
                + " first changing every time, at half the suite's "
                + (environment.getProperty("side-by-side.all-rates", Boolean.class, false)
                    ? "rates"
                    : "lowest and highest rates")
                + " each (so the machine carried the suite's own totals). At each rate "
                + ROUNDS
                + " rounds of "
                + bench.scale().perRate().toSeconds()
                + " s; percentiles over the rounds together; the per-round ratios show how far one"
                + " round can be from another. CPU is each service process's own time during the"
                + " rate's rounds, per request answered"
                + (before.pid() == after.pid()
                    ? " (one process served both sides here: its time is split evenly)."
                    : ".")
                + " Aim: after ÷ before at most "
                + Report.ratio(AIM)
                + " for p50 and p99.")
        .table(
            List.of(
                "mix",
                "rate per side (req/s)",
                "before p50 / p99 (ms)",
                "after p50 / p99 (ms)",
                "after ÷ before p50",
                "after ÷ before p99",
                "p50 ratio by round",
                "CPU per request before / after (ms)",
                "errors or overloaded, before / after"),
            rows);
  }

  private List<String> row(
      Bench bench,
      Workload workload,
      List<Side> sides,
      List<List<HttpRequest>> requests,
      double rate)
      throws Exception {
    List<Histogram> pooled = List.of(histogram(), histogram());
    long[] failed = new long[2];
    long[] answered = new long[2];
    List<String> roundRatios = new ArrayList<>();
    double[] cpu0 = {sides.get(0).cpuSeconds(), sides.get(1).cpuSeconds()};
    for (int round = 0; round < ROUNDS; round++) {
      List<OpenLoad.Result> results =
          OpenLoad.interleaved(
              bench.http(), names(sides), requests, rate, bench.scale().perRate(), MAX_IN_FLIGHT);
      for (int side = 0; side < 2; side++) {
        OpenLoad.Result result = results.get(side);
        pooled.get(side).add(result.histogram());
        failed[side] += result.errors() + result.overloaded();
        answered[side] += result.histogram().getTotalCount();
      }
      roundRatios.add(Report.ratio(results.get(1).millis(50) / results.get(0).millis(50)));
    }
    double[] cpu = new double[2];
    for (int side = 0; side < 2; side++) {
      cpu[side] = sides.get(side).cpuSeconds() - cpu0[side];
    }
    double[] perRequest = new double[2];
    if (sides.get(0).pid() == sides.get(1).pid()) {
      double shared = 1000 * cpu[0] / Math.max(1, answered[0] + answered[1]);
      perRequest[0] = shared;
      perRequest[1] = shared;
    } else {
      for (int side = 0; side < 2; side++) {
        perRequest[side] = 1000 * cpu[side] / Math.max(1, answered[side]);
      }
    }
    double before50 = millis(pooled.get(0), 50);
    double before99 = millis(pooled.get(0), 99);
    double after50 = millis(pooled.get(1), 50);
    double after99 = millis(pooled.get(1), 99);
    return List.of(
        workload.name(),
        Report.number(rate),
        Report.number(before50) + " / " + Report.number(before99),
        Report.number(after50) + " / " + Report.number(after99),
        Report.against(after50 / before50, AIM, true),
        Report.against(after99 / before99, AIM, true),
        String.join(", ", roundRatios),
        Report.number(perRequest[0]) + " / " + Report.number(perRequest[1]),
        failed[0] + " / " + failed[1]);
  }

  private static Histogram histogram() {
    return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  private static List<List<HttpRequest>> requests(Workload workload, List<Side> sides)
      throws Exception {
    List<List<HttpRequest>> requests = new ArrayList<>();
    for (Side side : sides) {
      requests.add(workload.requests(side.base()));
    }
    return requests;
  }

  private static List<String> names(List<Side> sides) {
    return sides.stream().map(Side::name).collect(Collectors.toList());
  }

  /**
   * The suite's lowest and highest rates for the mix, or all of them when {@code
   * side-by-side.all-rates} is true.
   */
  private List<Double> rates(Workload workload, Bench bench) {
    List<Double> all = workload.rates(bench.scale());
    boolean every = environment.getProperty("side-by-side.all-rates", Boolean.class, false);
    return (every ? all : List.of(all.getFirst(), all.getLast())).stream().distinct().toList();
  }

  /** The mixes {@code side-by-side.mixes} names by key (all of them when it names none). */
  private List<Workload> chosen() {
    Set<String> keys =
        Set.of(environment.getProperty("side-by-side.mixes", "").split(",")).stream()
            .map(String::strip)
            .filter(key -> !key.isEmpty())
            .collect(Collectors.toSet());
    List<Workload> chosen =
        workloads.stream()
            .filter(workload -> keys.isEmpty() || keys.contains(workload.key()))
            .toList();
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "side-by-side.mixes names none of "
              + workloads.stream().map(Workload::key).toList()
              + ": "
              + keys);
    }
    return chosen;
  }

  private List<Side> sides(Bench bench) {
    return List.of(side(bench, "before"), side(bench, "after"));
  }

  private Side side(Bench bench, String which) {
    String prefix = "side-by-side." + which;
    String base = environment.getProperty(prefix);
    if (base == null) {
      return new Side("this build", bench.service(), ProcessHandle.current().pid());
    }
    return new Side(
        environment.getProperty(prefix + "-name", which),
        base,
        environment.getRequiredProperty(prefix + "-pid", Long.class));
  }
}
