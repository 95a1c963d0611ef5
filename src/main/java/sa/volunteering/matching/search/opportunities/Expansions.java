package sa.volunteering.matching.search.opportunities;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lexicon's concepts a query names and the forms the search adds for them, and the words of the
 * query respelled against the vocabulary ({@link VocabularySpelling}), searched for with half the
 * weight of a word typed. An added form in the language typed weighs half of a word typed, one in
 * the other language three tenths (decision 0026): a document that says exactly what was typed
 * still comes first, and one that says it only in the other language is still found.
 */
public record Expansions(List<Expansion> each, Map<String, String> respelled) {

  public static final Expansions NONE = new Expansions(List.of(), Map.of());

  static final float SAME_LANGUAGE = 0.5f;
  static final float OTHER_LANGUAGE = 0.3f;
  static final List<String> ARABIC_FIELDS = List.of("title^4", "description");
  static final List<String> ENGLISH_FIELDS = List.of("title.en^3", "description.en^0.8");

  public Expansions {
    each = List.copyOf(each);
    respelled = Collections.unmodifiableMap(new LinkedHashMap<>(respelled));
  }

  Expansions(List<Expansion> each) {
    this(each, Map.of());
  }

  /** These, found in a text whose misspelt words were {@code respelled} first. */
  Expansions respelled(Map<String, String> corrections) {
    return corrections.isEmpty() ? this : new Expansions(each, corrections);
  }

  /** These and {@code more} of other concepts, at most {@code max} concepts in all. */
  Expansions and(List<Expansion> more, int max) {
    if (more.isEmpty()) {
      return this;
    }
    List<Expansion> all = new ArrayList<>(each);
    for (Expansion expansion : more) {
      boolean known = all.stream().anyMatch(e -> e.conceptId().equals(expansion.conceptId()));
      if (!known && all.size() < max) {
        all.add(expansion);
      }
    }
    return new Expansions(all, respelled);
  }

  public boolean isEmpty() {
    return each.isEmpty() && respelled.isEmpty();
  }

  /**
   * One clause per concept, the best of its forms (a dis_max, so that a concept with many forms
   * does not outweigh one with few); the concepts add up.
   */
  Query query() {
    List<Query> concepts = new ArrayList<>(each.size() + 1);
    if (!respelled.isEmpty()) {
      concepts.add(
          Query.of(
              q ->
                  q.multiMatch(
                      m ->
                          m.query(String.join(" ", respelled.values()))
                              .fields(OpportunityQueries.TEXT_FIELDS)
                              .type(TextQueryType.BestFields)
                              .boost(SAME_LANGUAGE))));
    }
    for (Expansion expansion : each) {
      List<Query> forms = new ArrayList<>();
      expansion.sameLanguage().forEach(form -> forms.add(form(form, SAME_LANGUAGE)));
      expansion.otherLanguage().forEach(form -> forms.add(form(form, OTHER_LANGUAGE)));
      if (!forms.isEmpty()) {
        concepts.add(Query.of(q -> q.disMax(d -> d.queries(forms))));
      }
    }
    return Query.of(q -> q.bool(b -> b.should(concepts)));
  }

  private static Query form(String form, float weight) {
    return Query.of(
        q ->
            q.multiMatch(
                m ->
                    m.query(form)
                        .fields(fieldsFor(form))
                        .type(TextQueryType.BestFields)
                        .operator(Operator.And)
                        .boost(weight)));
  }

  /**
   * The title and the description, analysed for the form's script: an added form is a word of the
   * field's language, so the other analysis, the organization's name and the city would only add
   * terms to look up (decision 0026).
   */
  static List<String> fieldsFor(String words) {
    return Language.ofText(words) == Language.AR ? ARABIC_FIELDS : ENGLISH_FIELDS;
  }
}
