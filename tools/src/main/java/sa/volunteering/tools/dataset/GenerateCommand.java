package sa.volunteering.tools.dataset;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import sa.volunteering.matching.taxonomy.TaxonomyFiles;
import sa.volunteering.tools.Options;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/dataset generate DIR}: writes a seeded data set at the platform's scale (or the sizes
 * given). Needs neither PostgreSQL nor Elasticsearch, so it starts no application context.
 */
public final class GenerateCommand {

  private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

  private GenerateCommand() {}

  public static int run(ApplicationArguments arguments, String directory) {
    JsonMapper json = JsonMapper.builder().build();
    long started = System.nanoTime();
    try {
      DatasetFiles.write(
          new DatasetGenerator(TaxonomyFiles.read(json)),
          Path.of(directory),
          Options.number(arguments, "seed", 1),
          (int) Options.number(arguments, "organizations", 5_000),
          (int) Options.number(arguments, "opportunities", 300_000),
          (int) Options.number(arguments, "volunteers", 1_200_000),
          json);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      log.error("Cannot generate the data set in {}: {}", directory, e.getMessage());
      return 1;
    }
    log.info(
        "Generated the data set in {} in {} s",
        directory,
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
    return 0;
  }
}
