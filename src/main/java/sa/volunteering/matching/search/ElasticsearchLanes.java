package sa.volunteering.matching.search;

import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.problem.Problems;

/**
 * Every call to Elasticsearch goes through one of two bounded lanes ({@link
 * ElasticsearchProperties}).
 */
@Component
public class ElasticsearchLanes {

  private static final Duration PARTIAL_RETRY = Duration.ofSeconds(1);

  private final Lane search;
  private final Lane indexing;

  ElasticsearchLanes(ElasticsearchProperties properties, MeterRegistry meters) {
    this.search = new Lane("search", properties.search(), meters);
    this.indexing = new Lane("indexing", properties.indexing(), meters);
  }

  /**
   * A call made for a user: a search, a suggestion, a page of a stream, a match. A search answered
   * by only some of its shards (a node just died, a shard is relocating) is refused with a 503: a
   * partial page, total or facet would be wrong without saying so.
   */
  public <T> Mono<T> search(Supplier<CompletableFuture<T>> request) {
    return search.run(Elasticsearch.call(request)).map(ElasticsearchLanes::whole);
  }

  static <T> T whole(T response) {
    if (response instanceof ResponseBody<?> body
        && body.shards() != null
        && body.shards().failed().intValue() > 0) {
      throw Problems.unavailable(
          "The search cluster answered from "
              + body.shards().successful()
              + " of "
              + body.shards().total()
              + " shards; retry shortly",
          PARTIAL_RETRY);
    }
    return response;
  }

  /** A call made by the indexer or a reindexing job. */
  public <T> Mono<T> indexing(Supplier<CompletableFuture<T>> request) {
    return indexing.run(Elasticsearch.call(request));
  }
}
