package sa.volunteering.matching.indexing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Values in [0, 1] that ranking weighs, indexed as tokens so that each part of the score is a
 * constant-score term whose highest score Lucene knows (a function score's it does not, so it can
 * skip nothing): experience and capacity in tenths, one token per tenth reached; a required skill's
 * share of the opportunity's skills in twelfths, one token {@code code@twelfths}.
 */
public final class RankingSteps {

  /** Experience and capacity count in tenths. */
  public static final int TENTHS = 10;

  /** Shares count in twelfths: halves, thirds, quarters and sixths exactly. */
  public static final int TWELFTHS = 12;

  private RankingSteps() {}

  /** How many tenths the value reaches, rounded down. */
  public static int tenths(double value) {
    return (int) Math.floor(Math.max(0, Math.min(1, value)) * TENTHS + 1e-9);
  }

  /** The tokens "1" up to {@link #tenths} of the value. */
  public static List<String> reached(double value) {
    return IntStream.rangeClosed(1, tenths(value)).mapToObj(String::valueOf).toList();
  }

  /** A share in twelfths, rounded to the nearest and at least one. */
  public static int twelfths(double share) {
    return Math.max(1, (int) Math.round(Math.min(1, share) * TWELFTHS));
  }

  /** The token of a required skill's share. */
  public static String shareToken(String code, int twelfths) {
    return code + "@" + twelfths;
  }

  /**
   * The share tokens of an opportunity's required skills (each with its {@code code} and share).
   */
  public static List<String> shareTokens(List<Map<String, Object>> required) {
    return required.stream()
        .map(
            skill ->
                shareToken(
                    String.valueOf(Objects.requireNonNull(skill.get("code"), "a skill's code")),
                    twelfths(((Number) skill.getOrDefault("share", 0.0)).doubleValue())))
        .toList();
  }
}
