package sa.volunteering.matching.search.opportunities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import sa.volunteering.analysis.lexicon.Concept;
import sa.volunteering.analysis.lexicon.Lexicon;
import sa.volunteering.analysis.lexicon.LexiconKeys;
import sa.volunteering.matching.taxonomy.Taxonomy;

/**
 * Typos corrected before the query against a closed vocabulary: the words of the lexicon's forms
 * and of the taxonomy's names, some 4,000 words held once. A word of the text that is not one of
 * them takes the one vocabulary word nearest to it that starts with the same letter: one edit away
 * for words of 4 to 8 letters, two for longer ones; between two at the same distance, the one more
 * names use, and a word with two such is left as typed. The corrected text is what mentions and
 * concepts are looked up in, and the corrections are the response's "did you mean".
 */
final class VocabularySpelling {

  private static final int SHORTEST_WORD = 4;
  private static final int LONG_WORD = 9;

  private final Map<String, Integer> vocabulary = new HashMap<>();
  private final Map<Character, List<String>> byFirstLetter = new HashMap<>();

  VocabularySpelling(Taxonomy taxonomy, Lexicon lexicon) {
    for (Concept concept : lexicon.concepts()) {
      concept.forms().forEach(this::learn);
    }
    taxonomy.cities().all().forEach(term -> term.names().forEach(this::learn));
    taxonomy.fields().all().forEach(term -> term.names().forEach(this::learn));
    taxonomy.skills().all().forEach(term -> term.names().forEach(this::learn));
    vocabulary
        .keySet()
        .forEach(
            word ->
                byFirstLetter.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word));
  }

  /** The vocabulary's number of distinct words. */
  int size() {
    return vocabulary.size();
  }

  /**
   * The misspelt words among a text's folded words ({@link LexiconKeys#words}) and the vocabulary
   * word taken for each.
   */
  Map<String, String> respell(String[] words) {
    Map<String, String> respelled = new LinkedHashMap<>();
    for (String word : words) {
      if (word.length() >= SHORTEST_WORD && !vocabulary.containsKey(word)) {
        String nearest = nearest(word);
        if (nearest != null) {
          respelled.put(word, nearest);
        }
      }
    }
    return respelled;
  }

  /** The folded words with the corrections put in. */
  static String[] apply(String[] words, Map<String, String> respelled) {
    String[] corrected = words.clone();
    for (int i = 0; i < corrected.length; i++) {
      corrected[i] = respelled.getOrDefault(corrected[i], corrected[i]);
    }
    return corrected;
  }

  private @Nullable String nearest(String word) {
    int allowed = word.length() >= LONG_WORD ? 2 : 1;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bestUses = 0;
    boolean tie = false;
    for (String candidate : byFirstLetter.getOrDefault(word.charAt(0), List.of())) {
      if (Math.abs(candidate.length() - word.length()) > allowed) {
        continue;
      }
      int distance = Corrections.Edits.between(word, candidate);
      if (distance > allowed) {
        continue;
      }
      int uses = vocabulary.getOrDefault(candidate, 0);
      if (distance < bestDistance || (distance == bestDistance && uses > bestUses)) {
        best = candidate;
        bestDistance = distance;
        bestUses = uses;
        tie = false;
      } else if (distance == bestDistance && uses == bestUses) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private void learn(String name) {
    for (String word : LexiconKeys.words(name)) {
      if (!word.isEmpty()) {
        vocabulary.merge(word, 1, Integer::sum);
      }
    }
  }
}
