package sa.volunteering.tools.behaviour;

import java.util.UUID;

/**
 * What the simulated people know about a volunteer and an opportunity when one is shown to the
 * other: read from the system of record, not from the score the service gave.
 *
 * @param skillShare the share of the opportunity's required skills the volunteer has, counted
 * @param weightedSkillShare the same share weighted by each skill's weight
 * @param fieldChosen the opportunity's field is one the volunteer chose
 * @param remote the opportunity is done remotely
 * @param km the distance between them (great circle; a city's centre when a place is unknown)
 * @param sameCity both in the same city
 * @param weekdayOverlap a day the opportunity runs on is one of the volunteer's weekdays (or they
 *     named none)
 * @param daysToStart days from the showing to the opportunity's start (negative once started)
 * @param verified the organization is verified
 * @param pastOrganization the volunteer has verified hours with the organization
 * @param pastField the volunteer has verified hours in the opportunity's field
 * @param verifiedHours the volunteer's verified hours
 * @param completed applications of theirs completed
 * @param accepted applications of theirs ever accepted (completed included)
 */
public record PairFacts(
    UUID volunteer,
    UUID opportunity,
    UUID organization,
    double skillShare,
    double weightedSkillShare,
    boolean fieldChosen,
    boolean remote,
    double km,
    boolean sameCity,
    boolean weekdayOverlap,
    double daysToStart,
    boolean verified,
    boolean pastOrganization,
    boolean pastField,
    double verifiedHours,
    long completed,
    long accepted) {

  /**
   * The volunteer's reliability, a trait the platform never records: uniform in [0, 1), fixed by
   * their id, so that the same person is as reliable in every list and every run.
   */
  public double reliability() {
    return (volunteer.getLeastSignificantBits() >>> 11) * 0x1.0p-53;
  }
}
