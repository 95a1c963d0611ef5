package sa.volunteering.bench.search;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Cpu;
import sa.volunteering.bench.Jit;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.OpenLoad;
import sa.volunteering.bench.Profiler;
import sa.volunteering.bench.Report;

/**
 * The search mix at constant rates, through the service and straight to Elasticsearch, one after
 * the other at each rate; and the CPU each side spent. The client runs in the service's JVM, so the
 * service's own CPU is its process's time during the service run less its time during the direct
 * run (which is the client alone).
 */
@Component
class SearchLoadMeasurement implements Measurement {

  static final int MAX_IN_FLIGHT = 256;
  private static final double SETTLED_JIT_SHARE = 0.02;
  private static final Logger log = LoggerFactory.getLogger(SearchLoadMeasurement.class);
  static final int PROBES = 500;
  static final long SEED = 20261129;

  private final SearchBenchmark search;
  private final Profiler profiler;
  private int jitRounds;
  private double lastRoundJitShare;

  SearchLoadMeasurement(SearchBenchmark search, Profiler profiler) {
    this.search = search;
    this.profiler = profiler;
  }

  @Override
  public int order() {
    return 20;
  }

  /** The mix both ways at the scale's highest rate. */
  @Override
  public long warmUp(Bench bench) throws Exception {
    List<SearchBenchmark.Probe> probes = search.probes(PROBES, SEED);
    List<HttpRequest> toService = toService(bench, probes);
    List<HttpRequest> toElasticsearch = toElasticsearch(bench, probes);
    double highest = bench.scale().searchRates().get(bench.scale().searchRates().size() - 1);
    OpenLoad.Result direct =
        OpenLoad.run(
            bench.http(),
            "suite warm-up direct",
            toElasticsearch,
            highest,
            bench.scale().suiteWarmUp(),
            MAX_IN_FLIGHT);
    OpenLoad.Result service =
        OpenLoad.run(
            bench.http(),
            "suite warm-up service",
            toService,
            highest,
            bench.scale().suiteWarmUp(),
            MAX_IN_FLIGHT);
    return direct.sent()
        + service.sent()
        + untilCompiled(bench, toElasticsearch, toService, highest);
  }

  /**
   * More of the mix both ways, in rounds, until the compilers have settled on its code: a round in
   * which they spent less than {@link #SETTLED_JIT_SHARE} of its time, or the scale's patience for
   * it ({@code 8 × perRate}) spent.
   */
  private long untilCompiled(
      Bench bench, List<HttpRequest> toElasticsearch, List<HttpRequest> toService, double rate)
      throws Exception {
    Duration side = bench.scale().warmUp();
    long deadline = System.nanoTime() + bench.scale().perRate().multipliedBy(8).toNanos();
    long sent = 0;
    jitRounds = 0;
    do {
      double jit = Jit.seconds();
      long started = System.nanoTime();
      sent +=
          OpenLoad.run(
                  bench.http(), "jit warm-up direct", toElasticsearch, rate, side, MAX_IN_FLIGHT)
              .sent();
      sent +=
          OpenLoad.run(bench.http(), "jit warm-up service", toService, rate, side, MAX_IN_FLIGHT)
              .sent();
      jitRounds++;
      lastRoundJitShare = (Jit.seconds() - jit) / ((System.nanoTime() - started) / 1e9);
    } while (lastRoundJitShare >= SETTLED_JIT_SHARE && System.nanoTime() < deadline);
    log.info(
        "benchmark: search mix warmed up by {} more rounds, compilers at {} % in the last",
        jitRounds, Math.round(lastRoundJitShare * 1000) / 10.0);
    return sent;
  }

  private List<HttpRequest> toService(Bench bench, List<SearchBenchmark.Probe> probes) {
    return probes.stream().map(probe -> search.service(bench.service(), probe)).toList();
  }

  private List<HttpRequest> toElasticsearch(Bench bench, List<SearchBenchmark.Probe> probes) {
    return probes.stream().map(probe -> search.direct(bench.elasticsearch(), probe)).toList();
  }

  @Override
  public Report.Section measure(Bench bench) throws Exception {
    List<SearchBenchmark.Probe> probes = search.probes(PROBES, SEED);
    List<HttpRequest> toService = toService(bench, probes);
    List<HttpRequest> toElasticsearch = toElasticsearch(bench, probes);
    double first = bench.scale().searchRates().get(0);
    OpenLoad.run(
        bench.http(),
        "warm-up direct",
        toElasticsearch,
        first,
        bench.scale().warmUp(),
        MAX_IN_FLIGHT);
    OpenLoad.run(
        bench.http(), "warm-up service", toService, first, bench.scale().warmUp(), MAX_IN_FLIGHT);

    List<List<String>> rows = new ArrayList<>();
    List<List<String>> cpuRows = new ArrayList<>();
    List<double[]> directP50 = new ArrayList<>();
    List<double[]> directP99 = new ArrayList<>();
    List<double[]> serviceP50 = new ArrayList<>();
    List<double[]> serviceP99 = new ArrayList<>();
    for (double rate : bench.scale().searchRates()) {
      double serviceCpu0 = Cpu.service();
      double elasticCpu0 = Cpu.elasticsearch(bench.http(), bench.elasticsearch());
      OpenLoad.Result direct =
          OpenLoad.run(
              bench.http(),
              "direct",
              toElasticsearch,
              rate,
              bench.scale().perRate(),
              MAX_IN_FLIGHT);
      double serviceCpu1 = Cpu.service();
      double elasticCpu1 = Cpu.elasticsearch(bench.http(), bench.elasticsearch());
      double jit1 = Jit.seconds();
      OpenLoad.Result service =
          profiler.during(
              String.format(Locale.ROOT, "search mix at %.0f req per s", rate),
              () ->
                  OpenLoad.run(
                      bench.http(),
                      "service",
                      toService,
                      rate,
                      bench.scale().perRate(),
                      MAX_IN_FLIGHT));
      double serviceCpu2 = Cpu.service();
      double elasticCpu2 = Cpu.elasticsearch(bench.http(), bench.elasticsearch());
      double jit = Jit.seconds() - jit1;
      rows.add(
          List.of(
              Report.number(rate),
              latencies(direct),
              latencies(service),
              Report.against(service.millis(50) / direct.millis(50), 1.15, true),
              Report.against(service.millis(99) / direct.millis(99), 1.3, true),
              direct.errors()
                  + direct.overloaded()
                  + " / "
                  + (service.errors() + service.overloaded())));
      double clientOnly = serviceCpu1 - serviceCpu0;
      double serviceOwn = Math.max(0, (serviceCpu2 - serviceCpu1) - clientOnly);
      double elastic = elasticCpu2 - elasticCpu1;
      cpuRows.add(
          List.of(
              Report.number(rate),
              Report.number(serviceCpu2 - serviceCpu1),
              Report.number(clientOnly),
              Report.number(serviceOwn),
              Report.number(jit),
              Report.number(elastic),
              Report.against(serviceOwn / elastic, 0.35, true)));
      directP50.add(new double[] {rate, direct.millis(50)});
      directP99.add(new double[] {rate, direct.millis(99)});
      serviceP50.add(new double[] {rate, service.millis(50)});
      serviceP99.add(new double[] {rate, service.millis(99)});
    }
    return new Report.Section("Search at constant rates: service vs Elasticsearch")
        .paragraph(
            PROBES
                + " searches (seed "
                + SEED
                + "): 60 % with text in Arabic, English or both (taxonomy names, title words, field and"
                + " city), a third with a city named in either language, a quarter with a field, some with a mode, near me with a radius or"
                + " nearest, soonest from a date, pages 1–5; every one asks for hits, the total, four facets and highlights, as the API does."
                + " At each rate, "
                + bench.scale().perRate().toSeconds()
                + " s straight to Elasticsearch, then "
                + bench.scale().perRate().toSeconds()
                + " s through the service. Before the first rate, the mix ran both ways until the JIT compilers had settled"
                + " on its code ("
                + jitRounds
                + " rounds of "
                + bench.scale().warmUp().toSeconds()
                + " s each way after the suite's warm-up; compiling took "
                + Report.number(lastRoundJitShare * 100)
                + " % of the last round's time, aim < "
                + Report.number(SETTLED_JIT_SHARE * 100)
                + " %).")
        .table(
            List.of(
                "rate (req/s)",
                "direct p50 / p90 / p99 (ms)",
                "service p50 / p90 / p99 (ms)",
                "service / direct p50",
                "service / direct p99",
                "errors or overloaded, direct / service"),
            rows)
        .chart(
            new Report.Chart(
                "search-latency-by-rate.png",
                "Search latency against request rate",
                "requests per second",
                "ms",
                List.of(
                    new Report.Series("direct p50", directP50),
                    new Report.Series("direct p99", directP99),
                    new Report.Series("service p50", serviceP50),
                    new Report.Series("service p99", serviceP99))))
        .paragraph(
            "CPU seconds during each run. The client shares the service's process: its cost is the process's CPU during the direct"
                + " run, taken off the process's CPU during the service run. Compiling is the time the process's JIT compilers"
                + " spent during the service run, counted in the process's CPU.")
        .table(
            List.of(
                "rate (req/s)",
                "service process, service run (s)",
                "client alone, direct run (s)",
                "service's own (s)",
                "of the process: compiling (s)",
                "Elasticsearch, service run (s)",
                "service / Elasticsearch CPU"),
            cpuRows);
  }

  private static String latencies(OpenLoad.Result result) {
    return Report.number(result.millis(50))
        + " / "
        + Report.number(result.millis(90))
        + " / "
        + Report.number(result.millis(99));
  }
}
