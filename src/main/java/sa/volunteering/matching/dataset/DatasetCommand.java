package sa.volunteering.matching.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import sa.volunteering.matching.indexing.Reindexer;
import sa.volunteering.matching.system.CommandLine;
import sa.volunteering.matching.taxonomy.Taxonomy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data set commands ({@code bin/dataset}): {@code --generate=DIR} writes a seeded data set,
 * {@code --import=DIR} loads one and reindexes, each then exits. With {@code app.demo.load-when-empty}
 * (the local profile), an empty database gets a small demo data set at start-up.
 */
@Component
class DatasetCommand implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DatasetCommand.class);

  private final DatasetImporter importer;
  private final Reindexer reindexer;
  private final Taxonomy taxonomy;
  private final JsonMapper json;
  private final DatabaseClient database;
  private final ConfigurableApplicationContext context;
  private final boolean demoWhenEmpty;
  private final RawBulkBenchmark rawBulk;

  DatasetCommand(DatasetImporter importer, Reindexer reindexer, Taxonomy taxonomy, JsonMapper json, DatabaseClient database,
      ConfigurableApplicationContext context, @Value("${app.demo.load-when-empty:false}") boolean demoWhenEmpty,
      RawBulkBenchmark rawBulk) {
    this.rawBulk = rawBulk;
    this.importer = importer;
    this.reindexer = reindexer;
    this.taxonomy = taxonomy;
    this.json = json;
    this.database = database;
    this.context = context;
    this.demoWhenEmpty = demoWhenEmpty;
  }

  @Override
  public void run(ApplicationArguments arguments) throws Exception {
    String generate = single(arguments, "generate");
    String load = single(arguments, "import");
    if (generate != null) {
      long started = System.nanoTime();
      DatasetFiles.write(new DatasetGenerator(taxonomy), Path.of(generate), number(arguments, "seed", 1),
          (int) number(arguments, "organizations", 5_000), (int) number(arguments, "opportunities", 300_000),
          (int) number(arguments, "volunteers", 1_200_000), json);
      log.info("Generated the data set in {} in {} s", generate, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
    String raw = single(arguments, "bench-raw");
    if (raw != null) {
      double rate = rawBulk.opportunities(Path.of(raw).resolve("opportunities.ndjson"), 1_000);
      log.info("Raw _bulk loader: {} opportunity documents/s", Math.round(rate));
      exit(0);
      return;
    }
    if (load != null) {
      boolean reject = "reject".equals(single(arguments, "on-invalid"));
      IndicatorUpdate indicators = "fold".equals(single(arguments, "indicators")) ? IndicatorUpdate.FOLD : IndicatorUpdate.REBUILD;
      int code = Boolean.TRUE.equals(CommandLine.await(importAndIndex(Path.of(load), reject, indicators))) ? 0 : 1;
      if (code == 0 && arguments.containsOption("compare-raw")) {
        double rawRate = rawBulk.opportunities(Path.of(load).resolve("opportunities.ndjson"), 1_000);
        log.info("Raw _bulk loader, same run: {} opportunity documents/s", Math.round(rawRate));
      }
      exit(code);
      return;
    }
    if (generate != null) {
      exit(0);
      return;
    }
    if (demoWhenEmpty) {
      CommandLine.await(isEmpty().filter(Boolean::booleanValue).flatMap(empty -> {
        log.info("Empty database: loading a demo data set (200 organizations, 3,000 opportunities, 5,000 volunteers)");
        return Mono.fromCallable(() -> {
              Path directory = Files.createTempDirectory("demo-data");
              DatasetFiles.write(new DatasetGenerator(taxonomy), directory, 7, 200, 3_000, 5_000, json);
              return directory;
            })
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(directory -> importAndIndex(directory, false, IndicatorUpdate.REBUILD));
      }));
    }
  }

  /**
   * Loads the directory, then rebuilds both indexes; completes when the rows are committed, the summaries and indexes
   * current and the tables vacuumed and analyzed, so that no background work is left; emits false when refused.
   */
  private Mono<Boolean> importAndIndex(Path directory, boolean reject, IndicatorUpdate indicators) {
    long started = System.nanoTime();
    return importer.load(directory, reject, indicators)
        .flatMap(report -> {
          report.problems().stream().limit(50).forEach(problem -> log.warn("Refused {} line {}: {}", problem.file(), problem.line(), problem.reason()));
          return Flux.just("opportunities", "volunteers")
              .concatMap(index -> reindexer.runToEnd(index, 1_000, Duration.ZERO, false)
                  .doOnNext(result -> {
                    Instant finished = Objects.requireNonNullElseGet(result.finishedAt(), Instant::now);
                    report.step(index + " indexed", Duration.between(result.startedAt(), finished));
                    log.info("Indexed {}: {} ({} documents, {} documents/s)", index, result.state(), result.done(),
                        result.documentsPerSecond());
                  }))
              .then(Mono.fromRunnable(() -> log.info("Import done: {} organizations, {} opportunities, {} volunteers, {} applications,"
                      + " {} hour entries, {} lines refused, {} s in all; {}",
                  report.organizations(), report.opportunities(), report.volunteers(), report.applications(), report.hourEntries(),
                  report.problemCount(), Duration.ofNanos(System.nanoTime() - started).toSeconds(), stepsText(report))))
              .thenReturn(true);
        })
        .onErrorResume(DatasetImporter.ImportRefusedException.class, refused -> {
          log.error("Import refused, nothing was loaded: {}", refused.getMessage());
          return Mono.just(false);
        });
  }

  private static String stepsText(ImportReport report) {
    return String.join(", ", report.steps().stream()
        .map(step -> step.name() + " in " + String.format(Locale.ROOT, "%.1f s", step.took().toMillis() / 1000.0)).toList());
  }

  private Mono<Boolean> isEmpty() {
    return database.sql("select count(*) as n from organizations").map(row -> row.get("n", Long.class)).one().map(count -> count == 0);
  }

  private void exit(int code) {
    System.exit(SpringApplication.exit(context, () -> code));
  }

  private static @Nullable String single(ApplicationArguments arguments, String name) {
    List<String> values = arguments.getOptionValues(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static long number(ApplicationArguments arguments, String name, long fallback) {
    String value = single(arguments, name);
    return value == null ? fallback : Long.parseLong(value.replace("_", ""));
  }
}
