package sa.volunteering.matching.application;

import java.util.UUID;

/** The facts about an application that decide who may act on it. */
record ApplicationRecord(
    UUID id,
    UUID opportunityId,
    UUID organizationId,
    UUID volunteerId,
    String status,
    long version) {}
