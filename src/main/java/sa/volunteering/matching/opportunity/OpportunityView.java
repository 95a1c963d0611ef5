package sa.volunteering.matching.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An opportunity as volunteers and the public see it. */
public record OpportunityView(
    UUID id,
    UUID organizationId,
    String organizationNameAr,
    String organizationNameEn,
    String titleAr,
    @Nullable String titleEn,
    String descriptionAr,
    @Nullable String descriptionEn,
    String fieldCode,
    String cityCode,
    @Nullable Double lat,
    @Nullable Double lon,
    String mode,
    Instant startsAt,
    Instant endsAt,
    BigDecimal hours,
    int seats,
    int seatsLeft,
    String gender,
    @Nullable Integer minAge,
    @Nullable Integer maxAge,
    List<RequiredSkill> requiredSkills,
    String status,
    @Nullable Instant publishedAt,
    @Nullable Instant closedAt,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  OpportunityView withSkills(List<RequiredSkill> skills) {
    return new OpportunityView(
        id,
        organizationId,
        organizationNameAr,
        organizationNameEn,
        titleAr,
        titleEn,
        descriptionAr,
        descriptionEn,
        fieldCode,
        cityCode,
        lat,
        lon,
        mode,
        startsAt,
        endsAt,
        hours,
        seats,
        seatsLeft,
        gender,
        minAge,
        maxAge,
        skills,
        status,
        publishedAt,
        closedAt,
        version,
        createdAt,
        updatedAt);
  }
}
