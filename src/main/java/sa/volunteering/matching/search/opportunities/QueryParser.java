package sa.volunteering.matching.search.opportunities;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import sa.volunteering.analysis.lexicon.Lexicon;
import sa.volunteering.analysis.lexicon.LexiconKeys;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.matching.taxonomy.Term;
import sa.volunteering.matching.taxonomy.Vocabulary;

/**
 * Checks a search's parameters against the limits and the taxonomy, and resolves every name to its
 * code. All the faults of a request are reported together, each naming its parameter.
 */
@Component
public class QueryParser {

  private static final Set<String> GENDERS = Set.of("male", "female");

  private final Taxonomy taxonomy;
  private final TaxonomyMentions mentions;
  private final ConceptMentions concepts;
  private final ArabiziMentions arabizi;
  private final VocabularySpelling spelling;
  private final OpportunitySearchProperties limits;

  QueryParser(Taxonomy taxonomy, OpportunitySearchProperties limits) {
    this.taxonomy = taxonomy;
    this.mentions = new TaxonomyMentions(taxonomy);
    this.concepts =
        new ConceptMentions(
            Lexicon.shipped(),
            limits.expansion().maxConcepts(),
            limits.expansion().maxFormsPerConcept());
    this.arabizi =
        new ArabiziMentions(taxonomy, Lexicon.shipped(), limits.expansion().maxFormsPerConcept());
    this.spelling = new VocabularySpelling(taxonomy, Lexicon.shipped());
    this.limits = limits;
  }

  public OpportunityQuery parse(SearchParameters parameters) {
    List<Problems.FieldError> errors = new ArrayList<>();
    String text = text(parameters.q(), errors);
    Set<String> cities = codes(taxonomy.cities(), "city", parameters.city(), errors);
    Set<String> regions = codes(taxonomy.regions(), "region", parameters.region(), errors);
    Set<String> fields = codes(taxonomy.fields(), "field", parameters.field(), errors);
    Set<String> skills = codes(taxonomy.skills(), "skill", parameters.skill(), errors);
    Set<String> modes =
        values(
            "mode",
            parameters.mode(),
            code -> Mode.of(code).map(mode -> mode.code),
            "on_site, remote, hybrid",
            errors);
    boolean allSkills = "all".equals(parameters.skills());
    if (parameters.skills() != null && !allSkills && !"any".equals(parameters.skills())) {
      errors.add(Problems.FieldError.of("skills", "OneOf", "must be any or all"));
    }
    if (parameters.from() != null
        && parameters.to() != null
        && parameters.from().isAfter(parameters.to())) {
      errors.add(Problems.FieldError.of("to", "DateOrder", "must not be before from"));
    }
    OpportunityQuery.Point point = point(parameters, errors);
    if (parameters.radiusKm() != null && point == null) {
      errors.add(Problems.FieldError.of("radiusKm", "NeedsPoint", "needs lat and lon"));
    }
    if (parameters.radiusKm() != null
        && !(parameters.radiusKm() > 0 && parameters.radiusKm() <= limits.maxRadiusKm())) {
      errors.add(
          Problems.FieldError.of(
              "radiusKm", "Range", "must be above 0 and at most " + limits.maxRadiusKm()));
    }
    if (parameters.gender() != null && !GENDERS.contains(parameters.gender())) {
      errors.add(Problems.FieldError.of("gender", "OneOf", "must be male or female"));
    }
    if (parameters.age() != null && (parameters.age() < 0 || parameters.age() > 120)) {
      errors.add(Problems.FieldError.of("age", "Range", "must be between 0 and 120"));
    }
    SearchSort sort = sort(parameters.sort(), text, point, errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    String[] typed = LexiconKeys.words(text);
    Map<String, String> respelled = spelling.respell(typed);
    String[] understood = respelled.isEmpty() ? typed : VocabularySpelling.apply(typed, respelled);
    ArabiziMentions.Found latin =
        text.isEmpty() ? ArabiziMentions.Found.NOTHING : arabizi.in(understood);
    return new OpportunityQuery(
        text,
        text.isEmpty()
            ? OpportunityQuery.Mentions.NONE
            : mentions.in(understood).and(latin.mentions()),
        text.isEmpty()
            ? Expansions.NONE
            : concepts
                .in(understood)
                .and(latin.expansions(), limits.expansion().maxConcepts())
                .respelled(respelled),
        cities,
        regions,
        fields,
        skills,
        allSkills,
        modes,
        parameters.from(),
        parameters.to(),
        point,
        parameters.radiusKm(),
        parameters.gender(),
        parameters.age(),
        parameters.organization(),
        Boolean.TRUE.equals(parameters.includeFull()),
        sort,
        Corrections.NONE);
  }

  /** The page asked for, within the page size and the window; deeper pages are the stream's. */
  public Paging paging(SearchParameters parameters, int defaultSize, int maxSize) {
    int page = parameters.page() == null ? 0 : parameters.page();
    int size = parameters.size() == null ? defaultSize : parameters.size();
    if (page < 0) {
      throw invalid(List.of(Problems.FieldError.of("page", "Min", "must be 0 or more")));
    }
    if (size < 1 || size > maxSize) {
      throw invalid(
          List.of(Problems.FieldError.of("size", "Range", "must be between 1 and " + maxSize)));
    }
    if ((long) page * size + size > limits.maxWindow()) {
      throw invalid(
          List.of(
              Problems.FieldError.of(
                  "page",
                  "Window",
                  "page × size + size must be at most "
                      + limits.maxWindow()
                      + "; read deeper results from /api/opportunities/search/stream")));
    }
    return new Paging(page * size, size, page);
  }

  public record Paging(int from, int size, int page) {}

  static RuntimeException invalid(List<Problems.FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " parameters are invalid";
    return Problems.badRequest("validation", "Invalid request", detail, Map.of("errors", errors));
  }

  private String text(@Nullable String q, List<Problems.FieldError> errors) {
    String text = q == null ? "" : q.replaceAll("\\p{Cntrl}", " ").strip();
    if (text.codePointCount(0, text.length()) > limits.maxQueryLength()) {
      errors.add(
          Problems.FieldError.of(
              "q", "Size", "must be at most " + limits.maxQueryLength() + " characters"));
    }
    return text;
  }

  private <T extends Term> Set<String> codes(
      Vocabulary<T> vocabulary,
      String parameter,
      @Nullable List<String> values,
      List<Problems.FieldError> errors) {
    return values(
        parameter,
        values,
        value -> vocabulary.resolve(value).map(Term::code),
        "a " + vocabulary.kind() + " code or name in Arabic or English",
        errors);
  }

  private Set<String> values(
      String parameter,
      @Nullable List<String> values,
      Function<String, Optional<String>> resolve,
      String expected,
      List<Problems.FieldError> errors) {
    if (values == null) {
      return Set.of();
    }
    List<String> split =
        values.stream()
            .flatMap(value -> List.of(value.split(",")).stream())
            .map(String::strip)
            .filter(value -> !value.isEmpty())
            .toList();
    if (split.size() > limits.maxFilterValues()) {
      errors.add(
          Problems.FieldError.of(
              parameter, "Size", "at most " + limits.maxFilterValues() + " values"));
      return Set.of();
    }
    Set<String> codes = new LinkedHashSet<>();
    for (int i = 0; i < split.size(); i++) {
      String value = split.get(i);
      Optional<String> code = resolve.apply(value);
      if (code.isPresent()) {
        codes.add(code.get());
      } else {
        errors.add(
            Problems.FieldError.of(
                parameter + "[" + i + "]",
                "Unknown",
                "'" + abbreviate(value) + "' is not " + expected));
      }
    }
    return Set.copyOf(codes);
  }

  private static OpportunityQuery.@Nullable Point point(
      SearchParameters parameters, List<Problems.FieldError> errors) {
    Double lat = parameters.lat();
    Double lon = parameters.lon();
    if (lat == null && lon == null) {
      return null;
    }
    if (lat == null || lon == null) {
      errors.add(
          Problems.FieldError.of(lat == null ? "lat" : "lon", "Pair", "lat and lon go together"));
      return null;
    }
    boolean valid = true;
    if (!(lat >= -90 && lat <= 90)) {
      errors.add(Problems.FieldError.of("lat", "Range", "must be between -90 and 90"));
      valid = false;
    }
    if (!(lon >= -180 && lon <= 180)) {
      errors.add(Problems.FieldError.of("lon", "Range", "must be between -180 and 180"));
      valid = false;
    }
    return valid ? new OpportunityQuery.Point(lat, lon) : null;
  }

  private static SearchSort sort(
      @Nullable String code,
      String text,
      OpportunityQuery.@Nullable Point point,
      List<Problems.FieldError> errors) {
    if (code == null) {
      return text.isEmpty() ? SearchSort.NEWEST : SearchSort.RELEVANCE;
    }
    Optional<SearchSort> sort = SearchSort.of(code);
    if (sort.isEmpty()) {
      errors.add(
          Problems.FieldError.of(
              "sort", "OneOf", "must be one of relevance, newest, soonest, nearest"));
      return SearchSort.RELEVANCE;
    }
    if (sort.get() == SearchSort.NEAREST && point == null) {
      errors.add(Problems.FieldError.of("sort", "NeedsPoint", "nearest needs lat and lon"));
    }
    return sort.get() == SearchSort.RELEVANCE && text.isEmpty() ? SearchSort.NEWEST : sort.get();
  }

  private static String abbreviate(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "…";
  }
}
