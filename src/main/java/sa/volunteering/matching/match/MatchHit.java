package sa.volunteering.matching.match;

import sa.volunteering.matching.search.opportunities.OpportunityHit;

/**
 * An opportunity ranked for a volunteer, with why.
 *
 * @param applied the volunteer has applied to it (shown only when they ask to see those)
 */
public record MatchHit(
    OpportunityHit opportunity, double score, Explanation explanation, boolean applied) {}
