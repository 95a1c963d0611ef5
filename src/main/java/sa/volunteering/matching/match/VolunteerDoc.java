package sa.volunteering.matching.match;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sa.volunteering.matching.indexing.TrackRecord;
import sa.volunteering.matching.search.Sources;

/** A volunteer as indexed: what ranking knows of them, and nothing personal. */
record VolunteerDoc(
    String id,
    String cityCode,
    double lat,
    double lon,
    Set<String> skills,
    Set<String> fields,
    Set<String> languages,
    Set<String> weekdays,
    @Nullable LocalDate availableFrom,
    @Nullable LocalDate availableTo,
    int travelKm,
    boolean remoteOk,
    String gender,
    int birthYear,
    double verifiedHours,
    double experience,
    Set<String> servedFields,
    Set<String> servedOrganizations,
    double trackRecord,
    double shownLately,
    @Nullable Instant lastActiveAt,
    java.util.List<String> applied) {

  static final java.util.List<String> SOURCE =
      java.util.List.of(
          "id",
          "city_code",
          "location",
          "skill_codes",
          "field_codes",
          "languages",
          "weekdays",
          "availability",
          "travel_km",
          "remote_ok",
          "gender",
          "birth_year",
          "verified_hours",
          "experience",
          "served_fields",
          "served_organizations",
          "track_record",
          "shown_lately",
          "last_active_at",
          "applied");

  static VolunteerDoc of(Map<String, Object> source) {
    double[] point = Sources.point(source, "location");
    Map<String, Object> availability = Sources.map(source.get("availability"));
    return new VolunteerDoc(
        Sources.string(source, "id"),
        Sources.string(source, "city_code"),
        point == null ? Double.NaN : point[0],
        point == null ? Double.NaN : point[1],
        Sources.strings(source, "skill_codes"),
        Sources.strings(source, "field_codes"),
        Sources.strings(source, "languages"),
        Sources.strings(source, "weekdays"),
        Sources.date(availability, "gte"),
        Sources.date(availability, "lte"),
        (int) Sources.number(source, "travel_km", 0),
        Boolean.TRUE.equals(source.get("remote_ok")),
        Sources.string(source, "gender"),
        (int) Sources.number(source, "birth_year", 0),
        Sources.number(source, "verified_hours", 0),
        Sources.number(source, "experience", 0),
        Sources.strings(source, "served_fields"),
        Sources.strings(source, "served_organizations"),
        Sources.number(source, "track_record", TrackRecord.NEWCOMER),
        Sources.number(source, "shown_lately", 0),
        Sources.instant(source, "last_active_at"),
        source.get("applied") instanceof java.util.List<?> applied
            ? applied.stream().map(String::valueOf).toList()
            : java.util.List.of());
  }

  /**
   * The opportunities of the volunteer's {@code most} recent applications (their document lists
   * {@link sa.volunteering.matching.indexing.IndexDocuments#APPLIED_KEPT} at most).
   */
  Set<String> appliedAtMost(int most) {
    return Set.copyOf(applied.subList(0, Math.min(most, applied.size())));
  }

  /**
   * Whether the opportunity is among those of the volunteer's applications their document lists.
   */
  boolean hasApplied(String opportunity) {
    return applied.contains(opportunity);
  }

  boolean located() {
    return !Double.isNaN(lat);
  }
}
