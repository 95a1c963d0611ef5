package sa.volunteering.matching.search.opportunities;

import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Suggester;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggest;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typo tolerance without fuzzy queries, which Elasticsearch refuses with {@code
 * search.allow_expensive_queries} off. A term suggester per text field names, for each word of the
 * text that the field's index does not hold, indexed words within one edit (words of 5 to 8 letters
 * after analysis) or two (9 and more); those words then match with a fifth of the weight of an
 * exact word, so an exact match outranks a corrected one.
 *
 * @param byField for each text field, the indexed words that stand in for the misspelt ones
 * @param byWord for each misspelt word (as analyzed), the indexed words taken for it in any field:
 *     the "did you mean" of a response
 */
public record Corrections(Map<String, Set<String>> byField, Map<String, Set<String>> byWord) {

  public static final Corrections NONE = new Corrections(Map.of(), Map.of());

  /**
   * The fields corrected, with their weight relative to one another (as in {@link
   * OpportunityQueries#TEXT_FIELDS}).
   */
  private static final Map<String, Float> FIELDS =
      Map.of("title", 2f, "title.en", 2f, "organization.name", 1f, "description", 1f);

  private static final float WEIGHT = 0.2f;
  private static final String NAME_PREFIX = "typo:";
  private static final int SHORTEST_WORD = 5;
  private static final int LONG_WORD = 9;
  private static final int OPTIONS_PER_WORD = 5;

  public Corrections {
    byField = Map.copyOf(byField);
    byWord = Map.copyOf(byWord);
  }

  /** The suggesters that find the corrections of {@code text}, to add to a search request. */
  static Suggester suggester(String text) {
    Suggester.Builder suggester = new Suggester.Builder().text(text);
    FIELDS.keySet().stream()
        .sorted()
        .forEach(
            field ->
                suggester.suggesters(
                    NAME_PREFIX + field,
                    s ->
                        s.term(
                            t ->
                                t.field(field)
                                    .suggestMode(SuggestMode.Missing)
                                    .minWordLength(SHORTEST_WORD)
                                    .prefixLength(1)
                                    .maxEdits(2)
                                    .size(OPTIONS_PER_WORD))));
    return suggester.build();
  }

  /**
   * The corrections in a response to a request with {@link #suggester}; words beyond their edit
   * allowance are dropped, and so are Arabic words spelt right ({@link #spelledRight}).
   */
  static <T> Corrections read(Map<String, List<Suggestion<T>>> suggestions) {
    Set<Integer> spelledRight = spelledRight(suggestions);
    Map<String, Set<String>> byField = new LinkedHashMap<>();
    Map<String, Set<String>> byWord = new LinkedHashMap<>();
    suggestions.forEach(
        (name, entries) -> {
          if (!name.startsWith(NAME_PREFIX)) {
            return;
          }
          Set<String> words = new LinkedHashSet<>();
          for (Suggestion<T> entry : entries) {
            if (entry.isTerm() && !spelledRight.contains(entry.term().offset())) {
              TermSuggest term = entry.term();
              int allowed = term.text().length() >= LONG_WORD ? 2 : 1;
              for (TermSuggestOption option : term.options()) {
                if (Edits.between(term.text(), option.text()) <= allowed) {
                  words.add(option.text());
                  byWord
                      .computeIfAbsent(term.text(), typed -> new LinkedHashSet<>())
                      .add(option.text());
                }
              }
            }
          }
          if (!words.isEmpty()) {
            byField.put(name.substring(NAME_PREFIX.length()), words);
          }
        });
    return new Corrections(byField, byWord);
  }

  /**
   * Where in the text the Arabic words are that are spelt right. A field that lacks a word suggests
   * neighbours of it even when another field holds it: the English title suggested «تنظيم»
   * (organizing) for «تعليم» (teaching), which its analysis leaves whole and 7,736 Arabic titles
   * hold, and a second search was sent for it. An Arabic word the descriptions' index (Arabic
   * analysis, the largest vocabulary) names without a suggestion is held there, so no field's
   * suggestions for it are taken. Latin words have no such judge: the English title's stemming
   * takes a misspelt word too far from its stem for a suggestion ("coordinaton" against "coordin"),
   * so its silence does not say the word is held.
   */
  private static <T> Set<Integer> spelledRight(Map<String, List<Suggestion<T>>> suggestions) {
    Set<Integer> offsets = new HashSet<>();
    for (Suggestion<T> entry : suggestions.getOrDefault(NAME_PREFIX + "description", List.of())) {
      if (entry.isTerm()
          && entry.term().options().isEmpty()
          && Language.ofText(entry.term().text()) == Language.AR) {
        offsets.add(entry.term().offset());
      }
    }
    return offsets;
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  /**
   * The corrected words as already analyzed terms of their fields, best field first: the clause
   * that stands in for a fuzzy match.
   */
  Query query() {
    List<Query> perField = new ArrayList<>();
    byField.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry -> {
              float boost = FIELDS.getOrDefault(entry.getKey(), 1f) * WEIGHT;
              List<Query> terms =
                  entry.getValue().stream()
                      .sorted()
                      .map(
                          word ->
                              Query.of(
                                  q ->
                                      q.term(
                                          t -> t.field(entry.getKey()).value(word).boost(boost))))
                      .toList();
              perField.add(Query.of(q -> q.bool(b -> b.should(terms))));
            });
    return Query.of(q -> q.disMax(d -> d.queries(perField)));
  }

  /**
   * Optimal string alignment distance: insertions, deletions, substitutions and adjacent
   * transpositions, as fuzzy matching counts them.
   */
  static final class Edits {
    private Edits() {}

    static int between(String a, String b) {
      int[][] d = new int[a.length() + 1][b.length() + 1];
      for (int i = 0; i <= a.length(); i++) {
        d[i][0] = i;
      }
      for (int j = 0; j <= b.length(); j++) {
        d[0][j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        for (int j = 1; j <= b.length(); j++) {
          int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
          if (i > 1
              && j > 1
              && a.charAt(i - 1) == b.charAt(j - 2)
              && a.charAt(i - 2) == b.charAt(j - 1)) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length()][b.length()];
    }
  }
}
