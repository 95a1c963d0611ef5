package sa.volunteering.matching.indexing;

/**
 * A volunteer's verified hours as a number in [0, 1) that ranking can weigh: {@code h / (h + 25)},
 * so 25 hours count half, 100 hours 0.8, and nobody's thousands drown every other signal. Ranking
 * reads it as a date ({@link ValueAsDate}).
 */
public final class Experience {

  public static final double HALF_AT_HOURS = 25;

  private Experience() {}

  public static double of(double verifiedHours) {
    return verifiedHours <= 0 ? 0 : verifiedHours / (verifiedHours + HALF_AT_HOURS);
  }
}
