package sa.volunteering.matching.search.opportunities;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the total, and the facets.
 *
 * @param total every hit of the query, not only this page's
 * @param facets per facet ({@code field}, {@code city}, {@code skill}, {@code mode}), the values
 *     with their counts: each facet counts as if its own selection were not made, so that a front
 *     end can offer the others
 * @param understood the corrections and expansions the search applied to its text
 */
public record SearchResult(
    long total,
    int page,
    int size,
    long tookMs,
    List<OpportunityHit> items,
    Map<String, List<FacetValue>> facets,
    Understood understood) {

  /**
   * @param selected whether the search filters on this value
   */
  public record FacetValue(String code, String label, long count, boolean selected) {}
}
