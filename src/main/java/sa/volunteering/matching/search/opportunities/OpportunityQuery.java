package sa.volunteering.matching.search.opportunities;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A search, checked and resolved: every taxonomy value is a code, every limit respected.
 *
 * @param text the free text, stripped; empty to browse
 * @param mentioned taxonomy terms named inside the text, which raise the opportunities that carry
 *     them
 * @param expansions the lexicon's concepts named inside the text, with the forms searched for
 *     beside the words typed
 * @param corrections indexed words that stand in for the text's misspelt ones, once looked up
 *     ({@link TypoCorrector})
 */
public record OpportunityQuery(
    String text,
    Mentions mentioned,
    Expansions expansions,
    Set<String> cities,
    Set<String> regions,
    Set<String> fields,
    Set<String> skills,
    boolean allSkills,
    Set<String> modes,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable Point point,
    @Nullable Double radiusKm,
    @Nullable String gender,
    @Nullable Integer age,
    @Nullable UUID organization,
    boolean includeFull,
    SearchSort sort,
    Corrections corrections) {

  public boolean hasText() {
    return !text.isEmpty();
  }

  /** The same query with the corrections of its text's misspelt words. */
  public OpportunityQuery withCorrections(Corrections found) {
    return new OpportunityQuery(
        text,
        mentioned,
        expansions,
        cities,
        regions,
        fields,
        skills,
        allSkills,
        modes,
        from,
        to,
        point,
        radiusKm,
        gender,
        age,
        organization,
        includeFull,
        sort,
        found);
  }

  /** A point on the map. */
  public record Point(double lat, double lon) {}

  /** Codes of the cities, fields and skills the free text names, in either language. */
  public record Mentions(Set<String> cities, Set<String> fields, Set<String> skills) {
    static final Mentions NONE = new Mentions(Set.of(), Set.of(), Set.of());

    boolean isEmpty() {
      return cities.isEmpty() && fields.isEmpty() && skills.isEmpty();
    }

    /** These and {@code more}. */
    Mentions and(Mentions more) {
      if (more.isEmpty()) {
        return this;
      }
      return new Mentions(
          union(cities, more.cities), union(fields, more.fields), union(skills, more.skills));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
      Set<String> both = new java.util.HashSet<>(a);
      both.addAll(b);
      return Set.copyOf(both);
    }
  }
}
