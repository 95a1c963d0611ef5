package sa.volunteering.bench.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.Report;
import sa.volunteering.matching.indexing.ReindexJob;
import sa.volunteering.matching.indexing.Reindexer;
import sa.volunteering.tools.CommandLine;

/**
 * The import's indexing path end to end, PostgreSQL to a fresh opportunities index swapped in (what
 * bin/dataset import and bin/reindex run), against the raw loader: the data set file's public
 * opportunities turned into the same documents and sent with plain _bulk requests of the same size.
 * Not at smoke scale: a reindex reads the whole database.
 */
@Component
class ImportMeasurement implements Measurement {

  private static final int BATCH = 1_000;

  private final Reindexer reindexer;
  private final RawBulkBenchmark raw;

  ImportMeasurement(Reindexer reindexer, RawBulkBenchmark raw) {
    this.reindexer = reindexer;
    this.raw = raw;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public Report.Section measure(Bench bench) throws Exception {
    Report.Section section = new Report.Section("Import: the indexing path vs raw _bulk");
    Path file = bench.dataset() == null ? null : bench.dataset().resolve("opportunities.ndjson");
    if (bench.scale().name().equals("smoke") || file == null || !Files.exists(file)) {
      return section.paragraph(
          "Not measured in this run ("
              + (bench.scale().name().equals("smoke") ? "smoke scale" : "no data set file")
              + "): it needs --dataset=DIR with a generated opportunities.ndjson, and reindexes the whole database.");
    }
    ReindexJob.Progress progress =
        java.util.Objects.requireNonNull(
            CommandLine.await(
                reindexer.runToEnd("opportunities", BATCH, Duration.ZERO, false),
                Duration.ofHours(1)));
    double seconds =
        Duration.between(progress.startedAt(), progress.finishedAt()).toMillis() / 1000.0;
    double path = progress.done() / seconds;
    double yardstick = raw.opportunities(file, BATCH);
    return section
        .paragraph(
            "The reindex reads every opportunity from PostgreSQL with its organization and skills, builds the documents and sends"
                + " them in batches of "
                + BATCH
                + ", one request at a time, into a new index that then replaces the old one. The raw loader"
                + " reads the data set file ("
                + file
                + ") and sends its public opportunities, turned into the same documents, in the same"
                + " batches into a scratch index.")
        .table(
            List.of("indexing path", "raw _bulk", "path / raw"),
            List.of(
                List.of(
                    String.format(
                        java.util.Locale.ROOT,
                        "%,d documents in %s s: %s documents/s",
                        progress.done(),
                        Report.number(seconds),
                        Report.number(path)),
                    Report.number(yardstick) + " documents/s",
                    Report.against(path / yardstick, 0.8, false))));
  }
}
