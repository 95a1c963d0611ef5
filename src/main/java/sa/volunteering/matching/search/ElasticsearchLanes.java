package sa.volunteering.matching.search;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Every call to Elasticsearch goes through one of two bounded lanes ({@link ElasticsearchProperties}). */
@Component
public class ElasticsearchLanes {

  private final Lane search;
  private final Lane indexing;

  ElasticsearchLanes(ElasticsearchProperties properties, MeterRegistry meters) {
    this.search = new Lane("search", properties.search(), meters);
    this.indexing = new Lane("indexing", properties.indexing(), meters);
  }

  /** A call made for a user: a search, a suggestion, a page of a stream, a match. */
  public <T> Mono<T> search(Supplier<CompletableFuture<T>> request) {
    return search.run(Elasticsearch.call(request));
  }

  /** A call made by the indexer or a reindexing job. */
  public <T> Mono<T> indexing(Supplier<CompletableFuture<T>> request) {
    return indexing.run(Elasticsearch.call(request));
  }
}
