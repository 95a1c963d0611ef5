package sa.volunteering.matching.impressions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One result shown: a volunteer and an opportunity, the list it was shown in, its rank there (from
 * 1) and the points each component of its score earned.
 *
 * @param shownAt when the list was answered
 * @param list one answered page, or the first hits of one stream
 * @param direction {@code opportunities} (a volunteer's matches) or {@code candidates} (an
 *     opportunity's)
 */
public record Impression(
    Instant shownAt,
    UUID list,
    String direction,
    String volunteerId,
    String opportunityId,
    int rank,
    double score,
    Map<String, Double> components) {

  public Impression {
    components = Map.copyOf(components);
  }
}
