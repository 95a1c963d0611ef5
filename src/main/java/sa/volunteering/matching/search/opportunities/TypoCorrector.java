package sa.volunteering.matching.search.opportunities;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.ElasticsearchLanes;
import sa.volunteering.matching.search.index.SearchIndexProperties;

/**
 * Looks up the {@link Corrections} of a query's text, for the searches that cannot ask for them
 * along the way (streams, matches).
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
