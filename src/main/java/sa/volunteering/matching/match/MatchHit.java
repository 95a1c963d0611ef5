package sa.volunteering.matching.match;

import sa.volunteering.matching.search.opportunities.OpportunityHit;

/** An opportunity ranked for a volunteer, with why. */
public record MatchHit(OpportunityHit opportunity, double score, Explanation explanation) {}
