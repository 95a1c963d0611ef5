package sa.volunteering.matching.search.opportunities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.search.Sources;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.matching.taxonomy.Term;
import sa.volunteering.matching.taxonomy.Vocabulary;

/** Reads an indexed opportunity into a hit, with labels in the client's language. */
@Component
public class HitReader {

  /**
   * What a hit reads of the indexed document; the description is only shown through its highlights.
   */
  public static final List<String> SOURCE =
      List.of(
          "id",
          "title",
          "organization",
          "field_code",
          "skill_codes",
          "city_code",
          "mode",
          "starts_at",
          "ends_at",
          "hours",
          "seats_left",
          "seats_total",
          "gender",
          "min_age",
          "max_age",
          "location");

  private final Taxonomy taxonomy;

  HitReader(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  OpportunityHit read(
      Map<String, Object> source,
      @Nullable Double score,
      @Nullable Map<String, List<String>> highlight,
      OpportunityQuery query,
      Language language) {
    return read(source, score, highlight, query.point(), language);
  }

  /** The hit, its distance measured from {@code from} when given. */
  public OpportunityHit read(
      Map<String, Object> source,
      @Nullable Double score,
      @Nullable Map<String, List<String>> highlight,
      OpportunityQuery.@Nullable Point from,
      Language language) {
    Map<String, Object> organization = Sources.map(source.get("organization"));
    String cityCode = Sources.string(source, "city_code");
    Map<String, List<Highlight>> highlights = new LinkedHashMap<>();
    if (highlight != null) {
      highlight.forEach(
          (field, fragments) ->
              highlights.put(field, fragments.stream().map(Highlight::parse).toList()));
    }
    List<String> skills = Sources.strings(source, "skill_codes").stream().sorted().toList();
    return new OpportunityHit(
        Sources.string(source, "id"),
        text(Sources.string(source, "title")),
        new OpportunityHit.Organization(
            Sources.string(organization, "id"),
            text(Sources.string(organization, "name")),
            Boolean.TRUE.equals(organization.get("verified"))),
        label(taxonomy.fields(), Sources.string(source, "field_code"), language),
        label(taxonomy.cities(), cityCode, language),
        mode(Sources.string(source, "mode"), language),
        skills.stream().map(code -> label(taxonomy.skills(), code, language)).toList(),
        Sources.string(source, "starts_at"),
        Sources.string(source, "ends_at"),
        Sources.number(source, "hours", 0),
        (int) Sources.number(source, "seats_left", 0),
        (int) Sources.number(source, "seats_total", 0),
        Sources.string(source, "gender"),
        Sources.integer(source, "min_age"),
        Sources.integer(source, "max_age"),
        distance(from, Sources.point(source, "location")),
        score,
        highlights);
  }

  /**
   * Titles and names are indexed as the Arabic text, a line break, and the English text when there
   * is one.
   */
  public static OpportunityHit.Text text(String joined) {
    int newline = joined.indexOf('\n');
    return newline < 0
        ? new OpportunityHit.Text(joined, null)
        : new OpportunityHit.Text(joined.substring(0, newline), joined.substring(newline + 1));
  }

  /**
   * A code with its label in the language asked for (the code itself when the taxonomy no longer
   * knows it).
   */
  public static <T extends Term> OpportunityHit.Label label(
      Vocabulary<T> vocabulary, String code, Language language) {
    Optional<T> term = vocabulary.byCode(code);
    return new OpportunityHit.Label(code, term.map(language::label).orElse(code));
  }

  private static OpportunityHit.Label mode(String code, Language language) {
    return new OpportunityHit.Label(
        code, Mode.of(code).map(mode -> mode.label(language)).orElse(code));
  }

  private static @Nullable Double distance(
      OpportunityQuery.@Nullable Point from, double @Nullable [] location) {
    if (from == null || location == null) {
      return null;
    }
    return Math.round(GreatCircle.km(from.lat(), from.lon(), location[0], location[1]) * 100)
        / 100.0;
  }
}
