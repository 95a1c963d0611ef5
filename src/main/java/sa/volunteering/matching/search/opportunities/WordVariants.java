package sa.volunteering.matching.search.opportunities;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sa.volunteering.analysis.Proclitics;

/**
 * The ways a run of a query's folded words may be written in a vocabulary: as typed, without a
 * single-letter proclitic on its first word («بجده», «لطبيب اسنان»), without a plural or feminine
 * ending on its last («ممرضين», «متطوعات», «kids»), and both. Words come from {@link
 * sa.volunteering.analysis.lexicon.LexiconKeys#words}, already folded and without their article.
 */
final class WordVariants {

  private static final List<String> ENDINGS = List.of("ات", "ون", "ين", "ه", "s");
  private static final int SHORTEST_STEM = 3;

  private WordVariants() {}

  /** Phrases to look up for {@code words[start, start + length)}, as typed first. */
  static List<String> of(String[] words, int start, int length) {
    List<String> firsts = new ArrayList<>(2);
    firsts.add(words[start]);
    String bare = Proclitics.withoutOneLetter(words[start]);
    if (bare != null) {
      firsts.add(bare);
    }
    List<String> variants = new ArrayList<>(4);
    for (String first : firsts) {
      variants.add(phrase(words, start, length, first, words[start + length - 1]));
    }
    for (String first : firsts) {
      String stem = withoutEnding(length == 1 ? first : words[start + length - 1]);
      if (stem != null) {
        variants.add(length == 1 ? stem : phrase(words, start, length, first, stem));
      }
    }
    return variants;
  }

  /** Whether none of {@code words[start, start + length)} is taken by a longer name yet. */
  static boolean free(boolean[] taken, int start, int length) {
    for (int i = start; i < start + length; i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }

  private static String phrase(String[] words, int start, int length, String first, String last) {
    if (length == 1) {
      return first;
    }
    StringBuilder phrase = new StringBuilder(first);
    for (int i = start + 1; i < start + length - 1; i++) {
      phrase.append(' ').append(words[i]);
    }
    return phrase.append(' ').append(last).toString();
  }

  private static @Nullable String withoutEnding(String word) {
    for (String ending : ENDINGS) {
      if (word.endsWith(ending) && word.length() - ending.length() >= SHORTEST_STEM) {
        return word.substring(0, word.length() - ending.length());
      }
    }
    return null;
  }
}
