package sa.volunteering.analysis.lexicon;

import java.util.Locale;
import java.util.regex.Pattern;
import sa.volunteering.analysis.ArabicNormalizer;
import sa.volunteering.analysis.Proclitics;

/**
 * How a phrase is compared with the lexicon's forms: lower case, Arabic normalized as indexed text
 * is, the article and its fused proclitics dropped from every word, punctuation and spaces
 * collapsed. «لطبيب الأسنان» and «طبيب اسنان» differ only by the single-letter proclitic, which
 * lookups try both with and without ({@link Proclitics#withoutOneLetter}).
 */
public final class LexiconKeys {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Punct}،؛؟«»]+");

  private LexiconKeys() {}

  /** The key of a phrase; empty when it has no word. */
  public static String of(String phrase) {
    StringBuilder key = new StringBuilder();
    for (String word : words(phrase)) {
      if (key.length() > 0) {
        key.append(' ');
      }
      key.append(word);
    }
    return key.toString();
  }

  /** The folded words of a text, each without its article. */
  public static String[] words(String text) {
    String folded = ArabicNormalizer.normalize(text.toLowerCase(Locale.ROOT)).strip();
    if (folded.isEmpty()) {
      return new String[0];
    }
    String[] words = SEPARATORS.split(folded);
    int kept = 0;
    for (String word : words) {
      if (!word.isEmpty()) {
        words[kept++] = Proclitics.withoutArticle(word);
      }
    }
    return java.util.Arrays.copyOf(words, kept);
  }
}
