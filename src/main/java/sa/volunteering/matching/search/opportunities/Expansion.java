package sa.volunteering.matching.search.opportunities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.volunteering.analysis.lexicon.Concept;
import sa.volunteering.analysis.lexicon.LexiconKeys;

/**
 * A concept of the lexicon that a query names, and what the search adds for it: the concept's other
 * forms in the language typed, and its forms in the other language, each list without the words
 * typed and without forms that fold to the same key.
 *
 * @param typed the words of the query that name the concept, folded
 * @param concept the concept
 * @param sameLanguage the forms added in the script typed (plurals, the worker or the work, Gulf
 *     forms, synonyms)
 * @param otherLanguage the forms added in the other language
 */
public record Expansion(
    String typed, Concept concept, List<String> sameLanguage, List<String> otherLanguage) {

  public Expansion {
    sameLanguage = List.copyOf(sameLanguage);
    otherLanguage = List.copyOf(otherLanguage);
  }

  /** What {@code typed} adds, at most {@code maxForms} forms, the language typed first. */
  static Expansion of(String typed, Concept concept, int maxForms) {
    return of(typed, concept, Language.ofText(typed) == Language.AR, maxForms);
  }

  /**
   * What {@code typed} adds when it means Arabic ({@code arabic}) or English, whatever its script:
   * Arabic in Latin letters adds the Arabic forms first.
   */
  static Expansion of(String typed, Concept concept, boolean arabic, int maxForms) {
    List<String> same = distinct(arabic ? concept.arabicForms() : concept.english(), typed);
    List<String> other = distinct(arabic ? concept.english() : concept.arabicForms(), typed);
    int sameCount = Math.min(same.size(), maxForms);
    int otherCount = Math.min(other.size(), maxForms - sameCount);
    return new Expansion(typed, concept, same.subList(0, sameCount), other.subList(0, otherCount));
  }

  public String conceptId() {
    return concept.id();
  }

  /** Every form added, the language typed first. */
  public List<String> added() {
    List<String> added = new ArrayList<>(sameLanguage);
    added.addAll(otherLanguage);
    return added;
  }

  private static List<String> distinct(List<String> forms, String typed) {
    Map<String, String> byKey = new LinkedHashMap<>();
    byKey.put(LexiconKeys.of(typed), typed);
    for (String form : forms) {
      byKey.putIfAbsent(LexiconKeys.of(form), form);
    }
    return List.copyOf(byKey.values()).subList(1, byKey.size());
  }
}
