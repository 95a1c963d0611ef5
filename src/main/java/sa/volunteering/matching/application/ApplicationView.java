package sa.volunteering.matching.application;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An application as its volunteer sees it. */
record ApplicationView(
    UUID id,
    UUID opportunityId,
    String opportunityTitleAr,
    UUID organizationId,
    String status,
    @Nullable String motivation,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
