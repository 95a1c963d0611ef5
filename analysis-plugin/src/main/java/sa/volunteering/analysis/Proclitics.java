package sa.volunteering.analysis;

/**
 * The proclitics of a normalized Arabic word, for callers that compare words outside a token
 * stream: the article with what is fused to it ({@code ال}, {@code بال}, {@code ولل}, …) and the
 * single letters {@code و ف ب ل ك}.
 */
public final class Proclitics {

  private static final int SHORTEST_REST = 2;
  private static final int SHORTEST_REST_AFTER_ONE_LETTER = 3;

  private Proclitics() {}

  /** The word without its article and what is fused to it, when at least two letters remain. */
  public static String withoutArticle(String word) {
    char[] s = word.toCharArray();
    for (char[] prefix : Affixes.PROCLITICS) {
      if (Affixes.startsWith(s, s.length, prefix) && s.length - prefix.length >= SHORTEST_REST) {
        return word.substring(prefix.length);
      }
    }
    return word;
  }

  /**
   * The word without one leading {@code و ف ب ل ك} when at least three letters remain, or null when
   * it has none: {@code بجده} is {@code جده}, and so is {@code لجده}.
   */
  public static String withoutOneLetter(String word) {
    if (word.length() - 1 < SHORTEST_REST_AFTER_ONE_LETTER) {
      return null;
    }
    char first = word.charAt(0);
    for (char proclitic : Affixes.ONE_LETTER_PROCLITICS) {
      if (first == proclitic) {
        return word.substring(1);
      }
    }
    return null;
  }
}
