package sa.volunteering.matching.search.opportunities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.matching.taxonomy.Term;
import sa.volunteering.matching.taxonomy.Vocabulary;

/** Reads an indexed opportunity into a hit, with labels in the client's language. */
@Component
public class HitReader {

  /** What a hit reads of the indexed document; the description is only shown through its highlights. */
  public static final List<String> SOURCE = List.of("id", "title", "organization", "field_code", "skill_codes", "city_code", "mode",
      "starts_at", "ends_at", "hours", "seats_left", "seats_total", "gender", "min_age", "max_age", "location");

  private final Taxonomy taxonomy;

  HitReader(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  OpportunityHit read(Map<String, Object> source, @Nullable Double score, @Nullable Map<String, List<String>> highlight,
      OpportunityQuery query, Language language) {
    return read(source, score, highlight, query.point(), language);
  }

  /** The hit, its distance measured from {@code from} when given. */
  public OpportunityHit read(Map<String, Object> source, @Nullable Double score, @Nullable Map<String, List<String>> highlight,
      OpportunityQuery.@Nullable Point from, Language language) {
    Map<String, Object> organization = map(source.get("organization"));
    String cityCode = string(source.get("city_code"));
    Map<String, List<Highlight>> highlights = new LinkedHashMap<>();
    if (highlight != null) {
      highlight.forEach((field, fragments) -> highlights.put(field, fragments.stream().map(Highlight::parse).toList()));
    }
    @SuppressWarnings("unchecked")
    List<String> skills = source.get("skill_codes") instanceof List<?> list ? (List<String>) list : List.of();
    return new OpportunityHit(
        string(source.get("id")),
        text(string(source.get("title"))),
        new OpportunityHit.Organization(string(organization.get("id")), text(string(organization.get("name"))),
            Boolean.TRUE.equals(organization.get("verified"))),
        label(taxonomy.fields(), string(source.get("field_code")), language),
        label(taxonomy.cities(), cityCode, language),
        mode(string(source.get("mode")), language),
        skills.stream().map(code -> label(taxonomy.skills(), code, language)).toList(),
        string(source.get("starts_at")),
        string(source.get("ends_at")),
        number(source.get("hours")).doubleValue(),
        number(source.get("seats_left")).intValue(),
        number(source.get("seats_total")).intValue(),
        string(source.get("gender")),
        integer(source.get("min_age")),
        integer(source.get("max_age")),
        distance(from, source.get("location")),
        score,
        highlights);
  }

  /** Titles and names are indexed as the Arabic text, a line break, and the English text when there is one. */
  public static OpportunityHit.Text text(String joined) {
    int newline = joined.indexOf('\n');
    return newline < 0 ? new OpportunityHit.Text(joined, null)
        : new OpportunityHit.Text(joined.substring(0, newline), joined.substring(newline + 1));
  }

  private static <T extends Term> OpportunityHit.Label label(Vocabulary<T> vocabulary, String code, Language language) {
    Optional<T> term = vocabulary.byCode(code);
    return new OpportunityHit.Label(code, term.map(language::label).orElse(code));
  }

  private static OpportunityHit.Label mode(String code, Language language) {
    return new OpportunityHit.Label(code, Mode.of(code).map(mode -> mode.label(language)).orElse(code));
  }

  private static @Nullable Double distance(OpportunityQuery.@Nullable Point from, @Nullable Object location) {
    if (from == null || !(location instanceof Map<?, ?> point)) {
      return null;
    }
    double lat = number(point.get("lat")).doubleValue();
    double lon = number(point.get("lon")).doubleValue();
    return Math.round(GreatCircle.km(from.lat(), from.lon(), lat, lon) * 100) / 100.0;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static String string(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }

  private static Number number(@Nullable Object value) {
    return value instanceof Number number ? number : value == null ? 0 : Double.parseDouble(value.toString());
  }

  private static @Nullable Integer integer(@Nullable Object value) {
    return value == null ? null : number(value).intValue();
  }
}
