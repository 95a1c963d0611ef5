package sa.volunteering.matching.match;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sa.volunteering.matching.indexing.Weekdays;
import sa.volunteering.matching.search.Sources;

/** An opportunity as indexed, as ranking reads it. */
record OpportunityDoc(
    String id,
    String organizationId,
    boolean organizationVerified,
    String fieldCode,
    String cityCode,
    double lat,
    double lon,
    String mode,
    @Nullable Instant startsAt,
    @Nullable Instant endsAt,
    List<RequiredSkill> requiredSkills,
    Set<String> languages,
    int seatsLeft,
    double capacityLeft,
    String gender,
    @Nullable Integer minAge,
    @Nullable Integer maxAge,
    String status,
    @Nullable Instant publishedAt) {

  /** A required skill and its share of the opportunity's skill weight. */
  record RequiredSkill(String code, double share) {}

  static final List<String> SOURCE =
      List.of(
          "id",
          "organization.id",
          "organization.verified",
          "field_code",
          "city_code",
          "location",
          "mode",
          "starts_at",
          "ends_at",
          "required_skills",
          "languages",
          "seats_left",
          "capacity_left",
          "gender",
          "min_age",
          "max_age",
          "status",
          "published_at");

  static OpportunityDoc of(Map<String, Object> source) {
    double[] point = Sources.point(source, "location");
    Object skills = source.get("required_skills");
    List<RequiredSkill> required =
        skills instanceof List<?> list
            ? list.stream()
                .map(Sources::map)
                .map(
                    skill ->
                        new RequiredSkill(
                            Sources.string(skill, "code"), Sources.number(skill, "share", 0)))
                .toList()
            : List.of();
    Map<String, Object> organization = Sources.map(source.get("organization"));
    return new OpportunityDoc(
        Sources.string(source, "id"),
        Sources.string(organization, "id"),
        Boolean.TRUE.equals(organization.get("verified")),
        Sources.string(source, "field_code"),
        Sources.string(source, "city_code"),
        point == null ? Double.NaN : point[0],
        point == null ? Double.NaN : point[1],
        Sources.string(source, "mode"),
        Sources.instant(source, "starts_at"),
        Sources.instant(source, "ends_at"),
        required,
        Sources.strings(source, "languages"),
        (int) Sources.number(source, "seats_left", 0),
        Sources.number(source, "capacity_left", 0),
        Sources.string(source, "gender"),
        Sources.integer(source, "min_age"),
        Sources.integer(source, "max_age"),
        Sources.string(source, "status"),
        Sources.instant(source, "published_at"));
  }

  /** The days of the week it runs on ({@link Weekdays}); every day when its dates are not known. */
  Set<String> weekdays() {
    return Set.copyOf(
        startsAt == null || endsAt == null ? Weekdays.ALL : Weekdays.of(startsAt, endsAt));
  }

  boolean remote() {
    return "remote".equals(mode);
  }

  boolean located() {
    return !Double.isNaN(lat);
  }
}
