package sa.volunteering.matching.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An application as the organization sees it: the applicant's contact details are shown because
 * they applied to this organization. Never the national ID or birth date; the city and skills for
 * context.
 */
record ApplicantView(
    UUID id,
    UUID opportunityId,
    UUID volunteerId,
    @Nullable String fullName,
    @Nullable String phone,
    @Nullable String email,
    String cityCode,
    List<String> skillCodes,
    String status,
    @Nullable String motivation,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
