package sa.volunteering.matching.indexing;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import sa.volunteering.matching.system.CommandLine;

/**
 * The command-line entry: {@code java -jar service.jar --reindex=opportunities[,volunteers]} (or
 * {@code bin/reindex}) rebuilds the named indexes, then exits with 0 when all succeeded.
 */
@Component
class ReindexCommand implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ReindexCommand.class);

  private final Reindexer reindexer;
  private final IndexingProperties properties;
  private final ConfigurableApplicationContext context;

  ReindexCommand(Reindexer reindexer, IndexingProperties properties, ConfigurableApplicationContext context) {
    this.reindexer = reindexer;
    this.properties = properties;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments arguments) {
    List<String> names = arguments.getOptionValues("reindex");
    if (names == null) {
      return;
    }
    Long failures = CommandLine.await(Flux.fromIterable(names)
        .flatMapIterable(value -> List.of(value.split(",")))
        .map(String::strip)
        .concatMap(name -> reindexer.runToEnd(name, properties.batchSize(), Duration.ZERO, false)
            .doOnNext(result -> log.info("Reindex of {}: {} ({} documents, {} documents/s){}", name, result.state(), result.done(),
                result.documentsPerSecond(), result.error() == null ? "" : ", " + result.error())))
        .filter(result -> !result.state().equals("SUCCEEDED"))
        .count());
    int code = failures != null && failures == 0 ? 0 : 1;
    System.exit(SpringApplication.exit(context, () -> code));
  }
}
