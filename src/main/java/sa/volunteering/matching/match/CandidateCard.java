package sa.volunteering.matching.match;

import java.util.List;
import org.jspecify.annotations.Nullable;
import sa.volunteering.matching.search.opportunities.OpportunityHit.Label;

/**
 * A volunteer ranked for an opportunity, masked: no name, phone, e-mail, national ID, birth date or
 * gender. Contact details exist only through the applications API, for volunteers who applied to
 * the organization.
 *
 * @param applied whether this volunteer has already applied to the opportunity
 */
public record CandidateCard(
    String volunteerId,
    Label city,
    List<Label> skills,
    List<Label> fields,
    List<String> languages,
    double verifiedHours,
    @Nullable Double distanceKm,
    boolean applied,
    double score,
    Explanation explanation) {}
