package sa.volunteering.tools.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import sa.volunteering.matching.indexing.Reindexer;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.tools.CommandLine;
import sa.volunteering.tools.Options;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/dataset import DIR}: loads a data set, then rebuilds both indexes, and returns when
 * nothing is left to do in the background; {@code demo}: a small seeded data set for {@code
 * bin/run}, only into an empty database.
 */
@Component
public class DatasetCommands {

  private static final Logger log = LoggerFactory.getLogger(DatasetCommands.class);

  private final DatasetImporter importer;
  private final Reindexer reindexer;
  private final Taxonomy taxonomy;
  private final JsonMapper json;
  private final DatabaseClient database;

  DatasetCommands(
      DatasetImporter importer,
      Reindexer reindexer,
      Taxonomy taxonomy,
      JsonMapper json,
      DatabaseClient database) {
    this.importer = importer;
    this.reindexer = reindexer;
    this.taxonomy = taxonomy;
    this.json = json;
    this.database = database;
  }

  public int load(ApplicationArguments arguments, String directory) {
    boolean reject = "reject".equals(Options.text(arguments, "on-invalid", ""));
    IndicatorUpdate indicators =
        "fold".equals(Options.text(arguments, "indicators", ""))
            ? IndicatorUpdate.FOLD
            : IndicatorUpdate.REBUILD;
    return Boolean.TRUE.equals(
            CommandLine.await(importAndIndex(Path.of(directory), reject, indicators)))
        ? 0
        : 1;
  }

  /**
   * Loads 200 organizations, 3,000 opportunities and 5,000 volunteers (seed 7) when no organization
   * exists yet.
   */
  public int demoWhenEmpty() {
    Boolean loaded =
        CommandLine.await(
            isEmpty()
                .flatMap(
                    empty -> {
                      if (!empty) {
                        log.info("The database holds organizations already: no demo data loaded");
                        return Mono.just(true);
                      }
                      log.info(
                          "Empty database: loading a demo data set (200 organizations, 3,000 opportunities, 5,000 volunteers)");
                      return Mono.fromCallable(
                              () -> {
                                Path directory = Files.createTempDirectory("demo-data");
                                DatasetFiles.write(
                                    new DatasetGenerator(taxonomy),
                                    directory,
                                    7,
                                    200,
                                    3_000,
                                    5_000,
                                    json);
                                return directory;
                              })
                          .subscribeOn(Schedulers.boundedElastic())
                          .flatMap(
                              directory ->
                                  importAndIndex(directory, false, IndicatorUpdate.REBUILD));
                    }));
    return Boolean.TRUE.equals(loaded) ? 0 : 1;
  }

  /**
   * Loads the directory, then rebuilds both indexes; completes when the rows are committed, the
   * summaries and indexes current and the tables vacuumed and analyzed, so that no background work
   * is left; emits false when refused.
   */
  private Mono<Boolean> importAndIndex(Path directory, boolean reject, IndicatorUpdate indicators) {
    long started = System.nanoTime();
    return importer
        .load(directory, reject, indicators)
        .flatMap(
            report -> {
              report.problems().stream()
                  .limit(50)
                  .forEach(
                      problem ->
                          log.warn(
                              "Refused {} line {}: {}",
                              problem.file(),
                              problem.line(),
                              problem.reason()));
              return Flux.just("opportunities", "volunteers")
                  .concatMap(
                      index ->
                          reindexer
                              .runToEnd(index, 1_000, Duration.ZERO, false)
                              .doOnNext(
                                  result -> {
                                    Instant finished =
                                        Objects.requireNonNullElseGet(
                                            result.finishedAt(), Instant::now);
                                    report.step(
                                        index + " indexed",
                                        Duration.between(result.startedAt(), finished));
                                    log.info(
                                        "Indexed {}: {} ({} documents, {} documents/s)",
                                        index,
                                        result.state(),
                                        result.done(),
                                        result.documentsPerSecond());
                                  }))
                  .then(
                      Mono.fromRunnable(
                          () ->
                              log.info(
                                  "Import done: {} organizations, {} opportunities, {} volunteers, {} applications,"
                                      + " {} hour entries, {} lines refused, {} s in all; {}",
                                  report.organizations(),
                                  report.opportunities(),
                                  report.volunteers(),
                                  report.applications(),
                                  report.hourEntries(),
                                  report.problemCount(),
                                  Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                                  stepsText(report))))
                  .thenReturn(true);
            })
        .onErrorResume(
            DatasetImporter.ImportRefusedException.class,
            refused -> {
              log.error("Import refused, nothing was loaded: {}", refused.getMessage());
              return Mono.just(false);
            });
  }

  private static String stepsText(ImportReport report) {
    return String.join(
        ", ",
        report.steps().stream()
            .map(
                step ->
                    step.name()
                        + " in "
                        + String.format(Locale.ROOT, "%.1f s", step.took().toMillis() / 1000.0))
            .toList());
  }

  private Mono<Boolean> isEmpty() {
    return database
        .sql("select count(*) as n from organizations")
        .map(row -> Columns.required(row, "n", Long.class))
        .one()
        .map(count -> count == 0);
  }
}
