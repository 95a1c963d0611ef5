package sa.volunteering.matching.organization;

import java.time.Instant;
import java.util.UUID;

/** An organization as anyone may see it. */
public record OrganizationView(
    UUID id,
    String nameAr,
    String nameEn,
    String cityCode,
    String kind,
    boolean verified,
    String status,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
