package sa.volunteering.analysis;

/** The Arabic affixes the stemmer and the autocomplete chain strip, as normalized letters. */
final class Affixes {

  /** Article and the proclitics fused with it, longest first. */
  static final char[][] PROCLITICS =
      chars("وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال");

  /** Single-letter proclitics: و ف ب ل ك. */
  static final char[] ONE_LETTER_PROCLITICS = "وفبلك".toCharArray();

  /** Light10's suffixes after normalization (ة is ه), tried in this order, each once. */
  static final char[][] SUFFIXES = chars("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي");

  private Affixes() {}

  static boolean startsWith(char[] s, int len, char[] prefix) {
    if (prefix.length > len) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (s[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static boolean endsWith(char[] s, int len, char[] suffix) {
    if (suffix.length > len) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (s[len - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  private static char[][] chars(String... words) {
    char[][] result = new char[words.length][];
    for (int i = 0; i < words.length; i++) {
      result[i] = words[i].toCharArray();
    }
    return result;
  }
}
