package sa.volunteering.matching.search.opportunities;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.ElasticsearchLanes;
import sa.volunteering.matching.search.index.SearchIndexProperties;

/**
 * Looks up the {@link Corrections} of a query's text, for the searches that cannot ask for them
 * along the way (streams; pages ask along with {@link #askAlong}).
 */
@Component
public class TypoCorrector {

  private final ElasticsearchAsyncClient client;
  private final ElasticsearchLanes lanes;
  private final String alias;

  TypoCorrector(
      ElasticsearchAsyncClient client, ElasticsearchLanes lanes, SearchIndexProperties indexes) {
    this.client = client;
    this.lanes = lanes;
    this.alias = indexes.alias("opportunities");
  }

  /**
   * Asks for the corrections of the query's text along with a search, when it has text and no
   * corrections yet.
   */
  public static void askAlong(SearchRequest.Builder search, OpportunityQuery query) {
    if (query.hasText() && query.corrections().isEmpty()) {
      search.suggest(Corrections.suggester(query.text()));
    }
  }

  /**
   * The query with the corrections a search asked for along the way ({@link #askAlong}), or null
   * when there are none.
   */
  public static @Nullable OpportunityQuery correctedBy(
      OpportunityQuery query, SearchResponse<?> response) {
    if (!query.hasText() || !query.corrections().isEmpty()) {
      return null;
    }
    Corrections corrections = Corrections.read(response.suggest());
    return corrections.isEmpty() ? null : query.withCorrections(corrections);
  }

  public Mono<OpportunityQuery> corrected(OpportunityQuery query) {
    if (!query.hasText()) {
      return Mono.just(query);
    }
    SearchRequest request =
        SearchRequest.of(
            s ->
                s.index(alias)
                    .size(0)
                    .trackTotalHits(t -> t.enabled(false))
                    .suggest(Corrections.suggester(query.text())));
    return lanes
        .search(() -> client.search(request, Void.class))
        .map(response -> query.withCorrections(Corrections.read(response.suggest())));
  }
}
