package sa.volunteering.matching.search.opportunities;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One opportunity as a result list shows it.
 *
 * @param distanceKm from the point of the search, when it has one
 * @param score relevance, when sorted by it
 * @param highlights the matched words of {@code title} and {@code description}, by field
 */
public record OpportunityHit(
    String id,
    Text title,
    Organization organization,
    Label field,
    Label city,
    Label mode,
    List<Label> skills,
    String startsAt,
    String endsAt,
    double hours,
    int seatsLeft,
    int seatsTotal,
    String gender,
    @Nullable Integer minAge,
    @Nullable Integer maxAge,
    @Nullable Double distanceKm,
    @Nullable Double score,
    Map<String, List<Highlight>> highlights) {

  /** A text in Arabic, and in English when the organization gave it. */
  public record Text(String ar, @Nullable String en) {}

  public record Organization(String id, Text name, boolean verified) {}

  /** A code and its label in the language the client asked for. */
  public record Label(String code, String label) {}
}
