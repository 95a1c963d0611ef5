package sa.volunteering.matching.indexing;

/**
 * How little a volunteer was shown lately, as a number in (0, 1] that ranking can weigh: {@code 20
 * / (20 + shown)}, where {@code shown} is their decaying count of appearances among opportunities'
 * first candidates. Never shown: 1; twenty recent appearances: half. Ranking reads it as a date
 * ({@link ValueAsDate}).
 */
public final class Exposure {

  public static final double HALF_AT_SHOWN = 20;

  private Exposure() {}

  public static double of(double shown) {
    return HALF_AT_SHOWN / (HALF_AT_SHOWN + Math.max(0, shown));
  }
}
