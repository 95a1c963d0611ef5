package sa.volunteering.matching.search.opportunities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.system.bench.BenchmarkCommands;
import sa.volunteering.matching.system.bench.Load;

/**
 * {@code bin/bench-search}: the search and streaming benchmark of docs/benchmarks.md, against whatever the
 * opportunities alias holds; prints its figures and exits.
 */
@Component
class SearchBenchmarkCommand implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SearchBenchmarkCommand.class);

  private final SearchBenchmark benchmark;
  private final Environment environment;
  private final ConfigurableApplicationContext context;

  SearchBenchmarkCommand(SearchBenchmark benchmark, Environment environment, ConfigurableApplicationContext context) {
    this.benchmark = benchmark;
    this.environment = environment;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments arguments) throws Exception {
    if (!arguments.containsOption("bench-search")) {
      return;
    }
    int concurrency = BenchmarkCommands.option(arguments, "concurrency", 8);
    int requests = BenchmarkCommands.option(arguments, "requests", 2_000);
    int streamHits = BenchmarkCommands.option(arguments, "stream-hits", 100_000);
    String service = BenchmarkCommands.service(environment);
    String elasticsearch = BenchmarkCommands.elasticsearch(environment);
    List<String> report = new ArrayList<>();

    List<SearchBenchmark.Probe> probes = benchmark.probes(requests, 7);
    List<SearchBenchmark.Probe> warmUp = probes.subList(0, Math.min(300, probes.size()));
    benchmark.run("direct", warmUp, concurrency, probe -> benchmark.direct(elasticsearch, probe));
    benchmark.run("service", warmUp, concurrency, probe -> benchmark.service(service, probe));
    List<Double> direct = new ArrayList<>();
    List<Double> through = new ArrayList<>();
    double directSeconds = 0;
    double serviceSeconds = 0;
    for (int round = 0; round < 2; round++) {
      Load.Latencies d = benchmark.run("direct", probes, concurrency, probe -> benchmark.direct(elasticsearch, probe));
      Load.Latencies s = benchmark.run("service", probes, concurrency, probe -> benchmark.service(service, probe));
      direct.addAll(d.millis());
      through.addAll(s.millis());
      directSeconds += d.seconds();
      serviceSeconds += s.seconds();
    }
    Load.Latencies d = new Load.Latencies("direct", direct, directSeconds);
    Load.Latencies s = new Load.Latencies("service", through, serviceSeconds);
    report.add(String.format(Locale.ROOT, "search, %d requests per side at concurrency %d (2 rounds of %d distinct queries, alternated)",
        direct.size(), concurrency, probes.size()));
    report.add(String.format(Locale.ROOT, "  direct : p50 %.1f ms, p99 %.1f ms, %.0f req/s", d.percentile(50), d.percentile(99), d.throughput()));
    report.add(String.format(Locale.ROOT, "  service: p50 %.1f ms, p99 %.1f ms, %.0f req/s", s.percentile(50), s.percentile(99), s.throughput()));
    report.add(String.format(Locale.ROOT, "  service / direct: p50 %.2f, p99 %.2f", s.percentile(50) / d.percentile(50), s.percentile(99) / d.percentile(99)));

    int small = Math.max(1, streamHits / 10);
    benchmark.streamService(service, small);
    benchmark.streamDirect(elasticsearch, small);
    double baseline = SearchBenchmark.heapAfterGc();
    SearchBenchmark.StreamRun[] runs = new SearchBenchmark.StreamRun[3];
    SearchBenchmark.HeapDuring heapSmall = SearchBenchmark.heapDuring(() -> runs[0] = benchmark.streamService(service, small));
    double afterSmall = SearchBenchmark.heapAfterGc();
    SearchBenchmark.HeapDuring heapLarge = SearchBenchmark.heapDuring(() -> runs[1] = benchmark.streamService(service, streamHits));
    double afterLarge = SearchBenchmark.heapAfterGc();
    runs[2] = benchmark.streamDirect(elasticsearch, streamHits);
    report.add(String.format(Locale.ROOT, "stream, NDJSON, sort newest, page size from app.search.stream.page-size"));
    for (SearchBenchmark.StreamRun run : runs) {
      report.add(String.format(Locale.ROOT, "  %-22s %,7d hits in %.2f s = %,.0f hits/s, first byte after %.0f ms",
          run.side(), run.hits(), run.seconds(), run.perSecond(), run.firstByteMillis()));
    }
    report.add(String.format(Locale.ROOT, "  service / direct (%,d hits): %.2f", streamHits, runs[1].perSecond() / runs[2].perSecond()));
    report.add(String.format(Locale.ROOT, "  heap (MB), before: %.0f after GC", baseline));
    report.add(String.format(Locale.ROOT, "  heap (MB), %,7d hits: live after GC at most %.0f, in use at most %.0f (garbage included), %.0f after GC at the end",
        small, heapSmall.peakLiveAfterGc(), heapSmall.peakUsed(), afterSmall));
    report.add(String.format(Locale.ROOT, "  heap (MB), %,7d hits: live after GC at most %.0f, in use at most %.0f (garbage included), %.0f after GC at the end",
        streamHits, heapLarge.peakLiveAfterGc(), heapLarge.peakUsed(), afterLarge));
    BenchmarkCommands.finish(log, "Search benchmark", report, context);
  }
}
