package sa.volunteering.matching.indexing;

/**
 * How reliably a volunteer completes what they are accepted for, as a number in (0, 1] that ranking
 * can weigh: {@code (completed + 3 × 0.8) / (completed + lapsed + 3)}, the completion rate pulled
 * towards a prior of 0.8 worth three applications. A newcomer stands at the prior, one lapse out of
 * one at 0.6, five completions out of five at 0.93: a short history moves the value a little, a
 * long one decides it. An application lapsed when it is still accepted {@link #LAPSED_AFTER_DAYS}
 * days after its opportunity ended. Ranking reads the value as a date ({@link ValueAsDate}).
 */
public final class TrackRecord {

  public static final double PRIOR_RATE = 0.8;

  public static final double PRIOR_WEIGHT = 3;

  /** How long an organization has to mark an accepted application completed. */
  public static final int LAPSED_AFTER_DAYS = 14;

  /** The value of a volunteer with nothing completed or lapsed: the prior. */
  public static final double NEWCOMER = of(0, 0);

  private TrackRecord() {}

  public static double of(long completed, long lapsed) {
    return (completed + PRIOR_WEIGHT * PRIOR_RATE) / (completed + lapsed + PRIOR_WEIGHT);
  }
}
