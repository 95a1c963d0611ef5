package sa.volunteering.matching.indexing;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.taxonomy.City;
import sa.volunteering.matching.taxonomy.Taxonomy;

/**
 * The one place the documents of both indexes are built, from rows as PostgreSQL returns them: the
 * indexer, the reindex and the benchmark's raw loader all send what this builds.
 */
public final class IndexDocuments {

  /** Two decimals of a degree: about 1.1 km north-south. */
  private static final int VOLUNTEER_DECIMALS = 2;

  private static final int EXACT = -1;

  private final Taxonomy taxonomy;

  public IndexDocuments(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /**
   * An opportunity's document from its row (with its organization's {@code org_name_ar}, {@code
   * org_name_en}, {@code org_verified}) and its required skills ({@code code}, {@code weight}).
   */
  public Map<String, Object> opportunity(Readable row, List<Map<String, Object>> skills) {
    String cityCode = Columns.required(row, "city_code", String.class);
    City city = taxonomy.cities().byCode(cityCode).orElse(null);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", String.valueOf(row.get("id", UUID.class)));
    document.put(
        "title", join(row.get("title_ar", String.class), row.get("title_en", String.class)));
    document.put(
        "description",
        join(row.get("description_ar", String.class), row.get("description_en", String.class)));
    document.put(
        "organization",
        Map.of(
            "id", String.valueOf(row.get("organization_id", UUID.class)),
            "name",
                join(row.get("org_name_ar", String.class), row.get("org_name_en", String.class)),
            "verified", Boolean.TRUE.equals(row.get("org_verified", Boolean.class))));
    document.put("field_code", row.get("field_code", String.class));
    document.put("skill_codes", skills.stream().map(skill -> skill.get("code")).toList());
    List<Map<String, Object>> required = withShares(skills);
    document.put("required_skills", required);
    document.put("skill_shares", sharesByCode(required));
    document.put("city_code", cityCode);
    putIfPresent(document, "region_code", city == null ? null : city.region());
    putIfPresent(document, "city_name", city == null ? null : List.of(city.ar(), city.en()));
    putLocation(document, row, city, EXACT);
    document.put("mode", row.get("mode", String.class));
    Instant starts = Columns.required(row, "starts_at", Instant.class);
    Instant ends = Columns.required(row, "ends_at", Instant.class);
    document.put("starts_at", starts.toString());
    document.put("ends_at", ends.toString());
    document.put("weekdays", Weekdays.of(starts, ends));
    document.put("hours", row.get("hours", BigDecimal.class));
    int seats = Columns.required(row, "seats", Integer.class);
    int left = seats - Columns.required(row, "seats_taken", Integer.class);
    document.put("seats_total", seats);
    document.put("seats_left", left);
    double capacity = seats == 0 ? 0.0 : (double) left / seats;
    document.put("capacity_left", capacity);
    putIfPresent(document, "capacity_as_date", ValueAsDate.of(capacity));
    document.put("skill_share_steps", RankingSteps.shareTokens(required));
    document.put("tiebreak_bits", Rotation.tokens((String) document.get("id")));
    document.put(
        "languages",
        row.get("title_en", String.class) != null || row.get("description_en", String.class) != null
            ? List.of("ar", "en")
            : List.of("ar"));
    document.put("gender", row.get("gender", String.class));
    putIfPresent(document, "min_age", row.get("min_age", Integer.class));
    putIfPresent(document, "max_age", row.get("max_age", Integer.class));
    document.put("status", row.get("status", String.class));
    Instant published = row.get("published_at", Instant.class);
    putIfPresent(document, "published_at", published == null ? null : published.toString());
    document.put("updated_at", String.valueOf(row.get("updated_at", Instant.class)));
    return document;
  }

  /**
   * How many of a volunteer's applications, the most recent first, their document lists: what their
   * matches leave out is read with the document, not asked of PostgreSQL for every page.
   */
  public static final int APPLIED_KEPT = 500;

  /** How many fields, and organizations, of a volunteer's verified hours their document lists. */
  public static final int SERVED_KEPT = 50;

  /**
   * The select of volunteer rows as {@link #volunteer} reads them, from {@code volunteers v}, with
   * what ranking derives from their applications and hours: their verified hours, the fields and
   * organizations of those hours (most hours first, {@link #SERVED_KEPT} of each), what their
   * applications completed and lapsed ({@link TrackRecord}), how often they were shown lately
   * ({@link Exposure}), and the opportunities of their {@link #APPLIED_KEPT} most recent
   * applications. Add the {@code where} clause.
   */
  public static final String VOLUNTEER_ROWS =
      "select v.*,"
          + " coalesce((select sum(h.hours) from applications a join volunteer_hours h on h.application_id = a.id"
          + " where a.volunteer_id = v.id and h.status = 'verified'), 0) as verified_hours,"
          + served("o.field_code", "served_fields")
          + ","
          + served("o.organization_id", "served_organizations")
          + ", (select count(*) from applications a where a.volunteer_id = v.id and a.status = 'completed') as completed,"
          + " (select count(*) from applications a join opportunities o on o.id = a.opportunity_id"
          + " where a.volunteer_id = v.id and a.status = 'accepted' and o.ends_at < now() - interval '"
          + TrackRecord.LAPSED_AFTER_DAYS
          + " days') as lapsed,"
          + " coalesce((select e.indexed from volunteer_exposure e where e.volunteer_id = v.id), 0) as shown_lately,"
          + " array(select a.opportunity_id from applications a where a.volunteer_id = v.id"
          + " order by a.created_at desc limit "
          + APPLIED_KEPT
          + ") as applied"
          + " from volunteers v";

  private static String served(String column, String name) {
    return " array(select "
        + column
        + " from applications a join volunteer_hours h on h.application_id = a.id"
        + " join opportunities o on o.id = a.opportunity_id"
        + " where a.volunteer_id = v.id and h.status = 'verified' group by "
        + column
        + " order by sum(h.hours) desc, "
        + column
        + " limit "
        + SERVED_KEPT
        + ") as "
        + name;
  }

  /** An active volunteer's document from their row, as {@link #VOLUNTEER_ROWS} selects it. */
  public Map<String, Object> volunteer(Readable row) {
    String cityCode = Columns.required(row, "city_code", String.class);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", String.valueOf(row.get("id", UUID.class)));
    document.put("city_code", cityCode);
    City city = taxonomy.cities().byCode(cityCode).orElse(null);
    putIfPresent(document, "region_code", city == null ? null : city.region());
    putLocation(document, row, city, VOLUNTEER_DECIMALS);
    document.put("skill_codes", List.of(row.get("skill_codes", String[].class)));
    document.put("field_codes", List.of(row.get("field_codes", String[].class)));
    document.put("languages", List.of(row.get("languages", String[].class)));
    LocalDate from = row.get("available_from", LocalDate.class);
    LocalDate to = row.get("available_to", LocalDate.class);
    if (from != null || to != null) {
      Map<String, Object> availability = new LinkedHashMap<>();
      putIfPresent(availability, "gte", from == null ? null : from.toString());
      putIfPresent(availability, "lte", to == null ? null : to.toString());
      document.put("availability", availability);
    }
    document.put("weekdays", List.of(row.get("weekdays", String[].class)));
    document.put("travel_km", row.get("travel_km", Integer.class));
    document.put("remote_ok", Boolean.TRUE.equals(row.get("remote_ok", Boolean.class)));
    document.put("gender", row.get("gender", String.class));
    document.put("birth_year", Columns.required(row, "birth_date", LocalDate.class).getYear());
    BigDecimal hours = row.get("verified_hours", BigDecimal.class);
    document.put("verified_hours", hours);
    document.put("served_fields", List.of(row.get("served_fields", String[].class)));
    UUID[] organizations = row.get("served_organizations", UUID[].class);
    document.put(
        "served_organizations",
        organizations == null
            ? List.of()
            : Arrays.stream(organizations).map(UUID::toString).toList());
    document.put(
        "track_record",
        TrackRecord.of(
            Columns.required(row, "completed", Long.class),
            Columns.required(row, "lapsed", Long.class)));
    document.put("shown_lately", Columns.required(row, "shown_lately", Double.class));
    UUID[] applied = row.get("applied", UUID[].class);
    document.put(
        "applied",
        applied == null ? List.of() : Arrays.stream(applied).map(UUID::toString).toList());
    document.put("active", true);
    Instant updated = Columns.required(row, "updated_at", Instant.class);
    Instant active = row.get("last_active_at", Instant.class);
    document.put("updated_at", updated.toString());
    document.put(
        "last_active_at",
        (active == null || active.isBefore(updated) ? updated : active).toString());
    return withRankingFields(document);
  }

  /**
   * A volunteer's document with what ranking derives from its other fields: the cells of the travel
   * disc around its {@code location} ({@link ReachCells}), the experience of its {@code
   * verified_hours}, as a value and as a date ({@link Experience}, {@link ValueAsDate}), its {@code
   * track_record} as a date (a newcomer's when it has none), its {@code last_active_at} (its {@code
   * updated_at} when it has none), how little it was shown lately as a date ({@link Exposure}), the
   * days it is free on (its {@code weekdays}, every day when it named none: {@link Weekdays}) and
   * its {@link Rotation} bits.
   */
  public static Map<String, Object> withRankingFields(Map<String, Object> volunteer) {
    Map<String, Object> document = new LinkedHashMap<>(volunteer);
    double hours =
        document.get("verified_hours") instanceof Number verified ? verified.doubleValue() : 0;
    document.put("experience", Experience.of(hours));
    document.remove("experience_as_date");
    putIfPresent(document, "experience_as_date", ValueAsDate.of(Experience.of(hours)));
    double record =
        document.get("track_record") instanceof Number given
            ? given.doubleValue()
            : TrackRecord.NEWCOMER;
    document.put("track_record", record);
    document.remove("track_record_as_date");
    putIfPresent(document, "track_record_as_date", ValueAsDate.of(record));
    double shown = document.get("shown_lately") instanceof Number lately ? lately.doubleValue() : 0;
    document.put("shown_lately", shown);
    document.remove("exposure_as_date");
    putIfPresent(document, "exposure_as_date", ValueAsDate.of(Exposure.of(shown)));
    if (document.get("last_active_at") == null && document.get("updated_at") != null) {
      document.put("last_active_at", document.get("updated_at"));
    }
    document.put(
        "free_on",
        document.get("weekdays") instanceof List<?> days && !days.isEmpty() ? days : Weekdays.ALL);
    document.put("tiebreak_bits", Rotation.tokens(String.valueOf(document.get("id"))));
    document.remove("reach_cells");
    if (document.get("travel_km") instanceof Number travelKm
        && travelKm.doubleValue() >= 1
        && document.get("location") instanceof Map<?, ?> location
        && location.get("lat") instanceof Number lat
        && location.get("lon") instanceof Number lon) {
      document.put(
          "reach_cells",
          ReachCells.covering(lat.doubleValue(), lon.doubleValue(), travelKm.doubleValue()));
    }
    return document;
  }

  /**
   * The point given, else the centre of the city: ranking by distance needs a point for everyone.
   * Rounded to {@code decimals} of a degree unless {@link #EXACT}: a volunteer's home is indexed to
   * about a kilometre, no closer (data minimization; distances decay over tens of kilometres).
   */
  private static void putLocation(
      Map<String, Object> document, Readable row, @Nullable City city, int decimals) {
    Double lat = row.get("lat", Double.class);
    Double lon = row.get("lon", Double.class);
    if (lat != null && lon != null) {
      document.put(
          "location", Map.of("lat", rounded(lat, decimals), "lon", rounded(lon, decimals)));
    } else if (city != null) {
      document.put("location", Map.of("lat", city.lat(), "lon", city.lon()));
    }
  }

  /**
   * Each required skill with its share of the total weight, so that a sum of shares is a coverage
   * in [0, 1].
   */
  private static List<Map<String, Object>> withShares(List<Map<String, Object>> skills) {
    double total = skills.stream().mapToDouble(IndexDocuments::weight).sum();
    return skills.stream()
        .map(
            skill -> {
              Map<String, Object> withShare = new LinkedHashMap<>(skill);
              withShare.put("share", total == 0 ? 0.0 : weight(skill) / total);
              return (Map<String, Object>) withShare;
            })
        .toList();
  }

  /**
   * The shares again, one numeric field per skill code, so that a query can sum them without a
   * nested (joining) query.
   */
  private static Map<String, Object> sharesByCode(List<Map<String, Object>> required) {
    Map<String, Object> shares = new LinkedHashMap<>();
    required.forEach(skill -> shares.put((String) skill.get("code"), skill.get("share")));
    return shares;
  }

  private static double weight(Map<String, Object> skill) {
    return ((BigDecimal)
            Objects.requireNonNull(skill.get("weight"), "a required skill without weight"))
        .doubleValue();
  }

  private static double rounded(double degrees, int decimals) {
    return decimals == EXACT
        ? degrees
        : java.math.BigDecimal.valueOf(degrees)
            .setScale(decimals, java.math.RoundingMode.HALF_UP)
            .doubleValue();
  }

  private static void putIfPresent(
      Map<String, Object> document, String key, @Nullable Object value) {
    if (value != null) {
      document.put(key, value);
    }
  }

  private static String join(@Nullable String arabic, @Nullable String english) {
    return english == null ? String.valueOf(arabic) : arabic + "\n" + english;
  }
}
