package sa.volunteering.analysis;

import java.text.Normalizer;

/**
 * Folds the ways one Arabic word is written into one form.
 *
 * <p>Beyond Lucene's {@code ArabicNormalizer} it removes every diacritic, Quranic mark and
 * invisible bidi or joining mark, folds presentation forms (NFKC), the alef variants including
 * wasla, Persian and Urdu letters, and unifies the hamza seats ؤ and ئ as ء so that {@code مسؤول}
 * and {@code مسئول} meet. It never changes Latin letters or digits: lower-casing and digit folding
 * are separate filters.
 */
public final class ArabicNormalizer {

  static final char ALEF = '\u0627';
  static final char YEH = '\u064A';
  static final char HEH = '\u0647';
  static final char KAF = '\u0643';
  static final char HAMZA = '\u0621';

  private ArabicNormalizer() {}

  /**
   * Whether the text holds characters that only NFKC folds well (presentation forms, decomposed
   * hamza).
   */
  public static boolean needsCompatibilityFold(char[] s, int len) {
    for (int i = 0; i < len; i++) {
      char c = s[i];
      if ((c >= '\uFB50' && c <= '\uFDFF')
          || (c >= '\uFE70' && c <= '\uFEFE')
          || c == '\u0654'
          || c == '\u0655'
          || c == '\u0653') {
        return true;
      }
    }
    return false;
  }

  /** NFKC, only called when {@link #needsCompatibilityFold} said so. */
  public static String compatibilityFold(char[] s, int len) {
    return Normalizer.normalize(new String(s, 0, len), Normalizer.Form.NFKC);
  }

  /** Normalizes {@code s[0..len)} in place and returns the new length (never longer). */
  public static int normalize(char[] s, int len) {
    int out = 0;
    for (int i = 0; i < len; i++) {
      char c = s[i];
      if (isRemoved(c)) {
        continue;
      }
      s[out++] = fold(c);
    }
    return out;
  }

  /** Convenience for callers outside a token stream (the service, tests). */
  public static String normalize(String text) {
    char[] chars = text.toCharArray();
    if (needsCompatibilityFold(chars, chars.length)) {
      chars = compatibilityFold(chars, chars.length).toCharArray();
    }
    return new String(chars, 0, normalize(chars, chars.length));
  }

  static boolean isRemoved(char c) {
    return c == '\u0640' // tatweel
        || (c >= '\u064B'
            && c <= '\u065F') // harakat, shadda, sukun, maddah, hamza marks, subscript alef
        || c == '\u0670' // dagger alef
        || (c >= '\u0610' && c <= '\u061A') // honorific and Quranic signs
        || (c >= '\u06D6' && c <= '\u06DC')
        || (c >= '\u06DF' && c <= '\u06E4')
        || c == '\u06E7'
        || c == '\u06E8'
        || (c >= '\u06EA' && c <= '\u06ED')
        || isInvisibleMark(c);
  }

  static boolean isInvisibleMark(char c) {
    return (c >= '\u200B' && c <= '\u200F') // zero width space, ZWNJ, ZWJ, LRM, RLM
        || (c >= '\u202A' && c <= '\u202E') // bidi embeddings and overrides
        || (c >= '\u2066' && c <= '\u2069') // bidi isolates
        || c == '\u2060' // word joiner
        || c == '\u061C' // Arabic letter mark
        || c == '\uFEFF' // byte order mark
        || c == '\u00AD'; // soft hyphen
  }

  static char fold(char c) {
    return switch (c) {
      case '\u0622', '\u0623', '\u0625', '\u0671', '\u0672', '\u0673', '\u0675' -> ALEF;
      case '\u0649', '\u06CC', '\u06D0', '\u06CD', '\u06CE' -> YEH;
      case '\u0629', '\u06C0', '\u06C1', '\u06C2', '\u06C3', '\u06D5', '\u06BE' -> HEH;
      case '\u06A9', '\u06AA' -> KAF;
      case '\u0624', '\u0626' -> HAMZA;
      default -> c;
    };
  }
}
