package sa.volunteering.matching.match;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.opportunities.QueryParser;
import sa.volunteering.matching.search.opportunities.SearchParameters;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.security.Role;

/**
 * The requests a first page of matches or candidates sends to Elasticsearch, built exactly as the
 * endpoints build them, for the benchmark to send straight to Elasticsearch (its own time beside
 * the service's) and for profiling the ranking queries.
 */
@Component
public class RankingRequests {

  private static final Actor ADMIN = new Actor(java.util.EnumSet.of(Role.ADMIN), null, null);

  private final MatchService matching;
  private final QueryParser parser;

  RankingRequests(MatchService matching, QueryParser parser) {
    this.matching = matching;
    this.parser = parser;
  }

  /** A volunteer's matches without text or filters. */
  public Mono<SearchRequest> matches(UUID volunteer, int size) {
    return matching
        .volunteer(ADMIN, volunteer)
        .map(found -> matching.matchesRequest(found, parser.parse(SearchParameters.none()), size));
  }

  /** An opportunity's candidates. */
  public Mono<SearchRequest> candidates(UUID opportunity, int size) {
    return matching
        .managedOpportunity(ADMIN, opportunity)
        .map(found -> matching.candidatesRequest(found, size));
  }
}
