package sa.volunteering.matching.match;

/**
 * Which side is being ranked: opportunities for a volunteer, or volunteers (candidates) for an
 * opportunity.
 */
enum Direction {
  OPPORTUNITIES,
  CANDIDATES
}
