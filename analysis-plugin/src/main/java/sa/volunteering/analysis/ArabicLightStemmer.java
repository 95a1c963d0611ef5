package sa.volunteering.analysis;

import java.util.Arrays;
import org.apache.lucene.analysis.CharArraySet;

/**
 * A light stemmer for normalized Arabic (output of {@link ArabicNormalizer}), after the Light10
 * idea: strip one proclitic group, then the common suffixes, and nothing more.
 *
 * <p>Unlike Lucene's {@code ArabicStemmer} it keeps every stem at least {@value #MIN_STEM} letters
 * long, so short names survive ({@code مكة}, {@code جدة}, {@code الله}); it strips a lone {@code و}
 * only before a word of four letters or more ({@code وطني} keeps its {@code و}); it knows the
 * combined proclitics ({@code وبال}, {@code ولل}, {@code فبال}, …); and it leaves protected words
 * whole once their proclitics are gone, so listed city and organization names are never cut. A
 * protected stem that starts with {@code و} ({@code وطن}, {@code وزار}) keeps its {@code و} in
 * every inflection ({@code وطنية}, {@code وزارات}).
 */
public final class ArabicLightStemmer {

  static final int MIN_STEM = 3;

  private final CharArraySet protectedWords;

  /**
   * Scratch space for the article form of a word, {@code ال} + word; one stemmer serves one token
   * stream.
   */
  private char[] withArticle = {'\u0627', '\u0644', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

  /**
   * {@code protectedWords} must already be normalized and may carry their article ({@code الرياض}).
   */
  public ArabicLightStemmer(CharArraySet protectedWords) {
    this.protectedWords = protectedWords;
  }

  /**
   * Stems {@code s[0..len)} in place; returns the new length. Tokens without Arabic letters are
   * untouched.
   */
  public int stem(char[] s, int len) {
    if (len <= MIN_STEM || !hasArabicLetter(s, len)) {
      return len;
    }
    int start = procliticLength(s, len);
    if (start > 0) {
      len = shiftLeft(s, len, start);
    }
    if (isProtected(s, 0, len)) {
      return len;
    }
    return stripSuffixes(s, len);
  }

  private int procliticLength(char[] s, int len) {
    for (char[] prefix : Affixes.PROCLITICS) {
      if (Affixes.startsWith(s, len, prefix) && len - prefix.length >= MIN_STEM) {
        return prefix.length;
      }
    }
    if (isProtected(s, 0, len) || !isOneLetterProclitic(s[0])) {
      return 0;
    }
    if (isProtected(s, 1, len - 1)) {
      return 1;
    }
    return s[0] == '\u0648' && len - 1 > MIN_STEM && !rootStartsWithWaw(s, len) ? 1 : 0;
  }

  /**
   * Whether {@code و} belongs to the word: its suffix-stripped form is a protected stem ({@code
   * وطنيه} → {@code وطن}).
   */
  private boolean rootStartsWithWaw(char[] s, int len) {
    char[] copy = Arrays.copyOf(s, len);
    return isProtected(copy, 0, stripSuffixes(copy, len));
  }

  /**
   * A protected word matches with or without its article, so that it stems the same after any
   * proclitic.
   */
  private boolean isProtected(char[] s, int offset, int len) {
    if (protectedWords.contains(s, offset, len)) {
      return true;
    }
    if (withArticle.length < len + 2) {
      withArticle = Arrays.copyOf(withArticle, len + 2);
    }
    System.arraycopy(s, offset, withArticle, 2, len);
    return protectedWords.contains(withArticle, 0, len + 2);
  }

  private static int stripSuffixes(char[] s, int len) {
    for (char[] suffix : Affixes.SUFFIXES) {
      if (len - suffix.length >= MIN_STEM && Affixes.endsWith(s, len, suffix)) {
        len -= suffix.length;
      }
    }
    return len;
  }

  private static boolean isOneLetterProclitic(char c) {
    for (char p : Affixes.ONE_LETTER_PROCLITICS) {
      if (p == c) {
        return true;
      }
    }
    return false;
  }

  static boolean hasArabicLetter(char[] s, int len) {
    for (int i = 0; i < len; i++) {
      if (s[i] >= '\u0621' && s[i] <= '\u064A') {
        return true;
      }
    }
    return false;
  }

  private static int shiftLeft(char[] s, int len, int by) {
    System.arraycopy(s, by, s, 0, len - by);
    return len - by;
  }
}
