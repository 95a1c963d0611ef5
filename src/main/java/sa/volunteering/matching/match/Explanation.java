package sa.volunteering.matching.match;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why a result ranks where it does: each component is what Elasticsearch scored the clauses named
 * after it (live matches, which Elasticsearch does not score: the same rules computed in Java).
 *
 * @param matchedSkills required skills the volunteer has
 * @param relatedSkills required skills the volunteer does not have but has a related one (partial
 *     credit)
 * @param missingSkills required skills with no credit
 * @param distanceKm between the volunteer and the opportunity; null when it is remote
 * @param score the whole score, as Elasticsearch gave it
 * @param components each part of the score: its value in [0, 1], weight, points (value × weight)
 *     and share of the score
 */
public record Explanation(
    List<String> matchedSkills,
    List<String> relatedSkills,
    List<String> missingSkills,
    @Nullable Double distanceKm,
    boolean fieldMatch,
    boolean sameCity,
    boolean sharedLanguage,
    double score,
    List<Component> components) {

  public record Component(String name, double value, double weight, double points, double share) {}
}
