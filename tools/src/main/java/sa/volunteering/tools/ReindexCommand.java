package sa.volunteering.tools;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.indexing.IndexingProperties;
import sa.volunteering.matching.indexing.Reindexer;

/**
 * {@code bin/reindex opportunities[,volunteers]}: rebuilds the named indexes one after the other; 0
 * when all succeeded.
 */
@Component
class ReindexCommand {

  private static final Logger log = LoggerFactory.getLogger(ReindexCommand.class);

  private final Reindexer reindexer;
  private final IndexingProperties properties;

  ReindexCommand(Reindexer reindexer, IndexingProperties properties) {
    this.reindexer = reindexer;
    this.properties = properties;
  }

  int run(List<String> names) {
    Long failures =
        CommandLine.await(
            Flux.fromIterable(names)
                .map(String::strip)
                .concatMap(
                    name ->
                        reindexer
                            .runToEnd(name, properties.batchSize(), Duration.ZERO, false)
                            .map(
                                result -> {
                                  log.info(
                                      "Reindex of {}: {} ({} documents, {} documents/s){}",
                                      name,
                                      result.state(),
                                      result.done(),
                                      result.documentsPerSecond(),
                                      result.error() == null ? "" : ", " + result.error());
                                  return result.state().equals("SUCCEEDED");
                                })
                            .onErrorResume(
                                refused -> {
                                  log.error(
                                      "Reindex of {} not started: {}", name, refused.getMessage());
                                  return Mono.just(false);
                                }))
                .filter(succeeded -> !succeeded)
                .count());
    return failures != null && failures == 0 ? 0 : 1;
  }
}
