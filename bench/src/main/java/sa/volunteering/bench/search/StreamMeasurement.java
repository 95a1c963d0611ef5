package sa.volunteering.bench.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.Profiler;
import sa.volunteering.bench.Report;

/**
 * A streamed result read to its end against a plain point-in-time + search_after loop; and the heap
 * while streaming.
 */
@Component
class StreamMeasurement implements Measurement {

  private final SearchBenchmark search;
  private final Profiler profiler;

  StreamMeasurement(SearchBenchmark search, Profiler profiler) {
    this.search = search;
    this.profiler = profiler;
  }

  @Override
  public int order() {
    return 40;
  }

  /** The shorter stream read to its end through the service and by the loop. */
  @Override
  public long warmUp(Bench bench) throws Exception {
    long until = System.nanoTime() + bench.scale().suiteWarmUp().toNanos();
    long streams = 0;
    do {
      search.streamService(bench.service(), bench.scale().streamHits().get(0));
      search.streamDirect(bench.elasticsearch(), bench.scale().streamHits().get(0));
      streams += 2;
    } while (System.nanoTime() < until);
    return streams;
  }

  @Override
  public Report.Section measure(Bench bench) throws Exception {
    search.streamService(bench.service(), Math.min(1_000, bench.scale().streamHits().get(0)));
    List<List<String>> rows = new ArrayList<>();
    for (int hits : bench.scale().streamHits()) {
      double before = SearchBenchmark.heapAfterGc();
      AtomicReference<SearchBenchmark.StreamRun> service = new AtomicReference<>();
      SearchBenchmark.HeapDuring heap =
          SearchBenchmark.heapDuring(
              () ->
                  profiler.during(
                      "stream of " + hits + " hits",
                      () -> {
                        service.set(search.streamService(bench.service(), hits));
                        return null;
                      }));
      SearchBenchmark.StreamRun direct = search.streamDirect(bench.elasticsearch(), hits);
      rows.add(
          List.of(
              String.format(java.util.Locale.ROOT, "%,d", service.get().hits()),
              Report.number(service.get().perSecond())
                  + " hits/s, first byte "
                  + Report.number(service.get().firstByteMillis())
                  + " ms",
              Report.number(direct.perSecond())
                  + " hits/s, first page "
                  + Report.number(direct.firstByteMillis())
                  + " ms",
              Report.against(service.get().perSecond() / direct.perSecond(), 0.9, false),
              Report.number(before)
                  + " / "
                  + Report.number(heap.peakLiveAfterGc())
                  + " / "
                  + Report.number(heap.peakUsed())));
    }
    return new Report.Section("Streaming: service vs a point-in-time loop")
        .paragraph(
            "Every published opportunity with seats left, newest first, read as NDJSON to the end; the yardstick pages through the"
                + " same query, sort, page size and fields with a point in time and search_after, parsing each page.")
        .table(
            List.of(
                "hits",
                "service",
                "direct loop",
                "service / direct",
                "heap MB: live before / live at most / in use at most"),
            rows)
        .paragraph(
            "The live heap (after a collection) is what a stream retains; in use includes garbage not yet collected.");
  }
}
