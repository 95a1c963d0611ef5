package sa.volunteering.matching.indexing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A required skill's share of the opportunity's skills, indexed in twelfths as one token {@code
 * code@twelfths} per skill, so that each skill's part of the score is a constant-score term whose
 * highest score Lucene knows (a function score's it does not, so it can skip nothing).
 */
public final class RankingSteps {

  /** Shares count in twelfths: halves, thirds, quarters and sixths exactly. */
  public static final int TWELFTHS = 12;

  private RankingSteps() {}

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
