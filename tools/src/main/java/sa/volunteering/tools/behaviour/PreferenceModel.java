package sa.volunteering.tools.behaviour;

/**
 * How simulated volunteers and organizations behave: deliberately not the ranking's formula (other
 * functional forms, interactions, a signal the ranking lacks, a trait it cannot see, position
 * bias), so that a fit can only approximate it. docs/ranking.md, "The behaviour simulator", lists
 * the same terms and why.
 */
public final class PreferenceModel {

  /** How steeply attention falls with rank: the chance to look at rank r is r^-0.8. */
  static final double POSITION_BIAS = 0.8;

  private PreferenceModel() {}

  /** The chance that whoever reads a list looks at its result at {@code rank} (from 1). */
  public static double examined(int rank) {
    return Math.pow(rank, -POSITION_BIAS);
  }

  /**
   * The log-odds that a volunteer who looks at an opportunity applies: skills count quadratically
   * (half the skills is a quarter of the pull), a chosen field pulls more when the skills fit,
   * distance costs its logarithm, the weekday and an early start (ten days) are steps, the
   * organization's verification and a past with it pull; publication date, seats and a shared
   * language do not matter to them.
   */
  public static double volunteerLogit(PairFacts pair) {
    double s = pair.skillShare();
    return -2.0
        + 2.4 * s * s
        + (pair.fieldChosen() ? 1.2 * (0.3 + 0.7 * s) : 0)
        - (pair.remote() ? 0.4 : 0.9 * Math.log1p(pair.km() / 5))
        + (pair.weekdayOverlap() ? 0.8 : 0)
        + (pair.daysToStart() >= 0 && pair.daysToStart() <= 10 ? 1.0 : 0)
        + (pair.verified() ? 0.6 : 0)
        + (pair.pastOrganization() ? 0.8 : 0);
  }

  /**
   * The log-odds that an organization takes a volunteer who applied: weighted skills first, hours
   * up to 40, the volunteer's completions against their acceptances (as the organization can read
   * them, with a prior), someone from the city, and a reluctance beyond 50 km.
   */
  public static double organizationLogit(PairFacts pair) {
    double rate = (pair.completed() + 1.5) / (pair.accepted() + 2.0);
    return -1.0
        + 3.0 * pair.weightedSkillShare()
        + 0.9 * Math.min(1, pair.verifiedHours() / 40)
        + 2.0 * (rate - 0.75)
        + (pair.sameCity() ? 0.6 : 0)
        - (!pair.remote() && pair.km() > 50 ? 0.5 : 0);
  }

  /** Organizations invite from a candidate list more sparingly than they accept an applicant. */
  public static double invitationLogit(PairFacts pair) {
    return organizationLogit(pair) - 1.0;
  }

  /** Being asked helps: an invited volunteer says yes more readily than they would apply. */
  public static double answerLogit(PairFacts pair) {
    return volunteerLogit(pair) + 1.0;
  }

  /**
   * The log-odds that an accepted volunteer completes: mostly their reliability, less with
   * distance, more in a field they know.
   */
  public static double completionLogit(PairFacts pair) {
    return 0.5
        + 3.0 * (pair.reliability() - 0.5)
        - (pair.remote() ? 0 : 0.3 * Math.log1p(pair.km() / 10))
        + (pair.pastField() ? 0.5 : 0);
  }

  public static double probability(double logit) {
    return 1 / (1 + Math.exp(-logit));
  }
}
