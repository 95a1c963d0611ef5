package sa.volunteering.matching.match;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import sa.volunteering.matching.indexing.IndexDocuments;
import sa.volunteering.matching.indexing.RankingSteps;
import sa.volunteering.matching.indexing.Rotation;
import sa.volunteering.matching.indexing.ValueAsDate;
import sa.volunteering.matching.indexing.Weekdays;
import sa.volunteering.matching.support.Geodesy;
import sa.volunteering.matching.support.TestEnvironment;

/**
 * Opportunity and volunteer documents written straight to the test indexes, each field under the
 * test's control, for ranking tests that must move one signal at a time. A baseline document is
 * changed by overrides.
 */
final class MatchDocuments {

  static final String OPPORTUNITIES = TestEnvironment.PREFIX + "opportunities";
  static final String VOLUNTEERS = TestEnvironment.PREFIX + "volunteers";
  static final double RIYADH_LAT = 24.7136;
  static final double RIYADH_LON = 46.6753;

  private final ElasticsearchClient elasticsearch;
  private final List<String[]> written = new ArrayList<>();

  MatchDocuments(ElasticsearchClient elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  /**
   * A published on-site opportunity in Riyadh, starting in a week, needing first aid, Arabic and
   * English.
   */
  static Map<String, Object> opportunity(String organization) {
    Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    // never at midnight in Riyadh, where it would run on two days rather than three (a test run
    // between 21:00 and 22:00 UTC failed on it)
    if (start.atZone(java.time.ZoneId.of("Asia/Riyadh")).getHour() == 0) {
      start = start.plus(1, ChronoUnit.HOURS);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", UUID.randomUUID().toString());
    document.put("title", "إسعافات أولية\nFirst aid");
    document.put("description", "تقديم الإسعافات الأولية للزوار");
    document.put(
        "organization",
        Map.of("id", organization, "name", "جمعية الاختبار\nTest society", "verified", true));
    document.put("field_code", "health");
    document.put("skill_codes", List.of("first_aid"));
    document.put(
        "required_skills", List.of(Map.of("code", "first_aid", "weight", 1.0, "share", 1.0)));
    document.put("city_code", "riyadh");
    document.put("region_code", "SA-01");
    document.put("city_name", List.of("الرياض", "Riyadh"));
    document.put("location", Map.of("lat", RIYADH_LAT, "lon", RIYADH_LON));
    document.put("mode", "on_site");
    document.put("starts_at", start.toString());
    document.put("ends_at", start.plus(2, ChronoUnit.DAYS).toString());
    document.put("hours", 8);
    document.put("seats_total", 10);
    document.put("seats_left", 10);
    document.put("capacity_left", 1.0);
    document.put("languages", List.of("ar", "en"));
    document.put("gender", "any");
    document.put("status", "published");
    document.put("published_at", Instant.now().toString());
    document.put("updated_at", Instant.now().toString());
    return document;
  }

  /**
   * An active volunteer in Riyadh: first aid and CPR, health, English, travels 30 km, takes remote
   * work, 28 this year.
   */
  static Map<String, Object> volunteer() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", UUID.randomUUID().toString());
    document.put("city_code", "riyadh");
    document.put("region_code", "SA-01");
    document.put("location", Map.of("lat", RIYADH_LAT, "lon", RIYADH_LON));
    document.put("skill_codes", List.of("first_aid", "cpr"));
    document.put("field_codes", List.of("health"));
    document.put("languages", List.of("en"));
    // free every day: the weekdays component is earned everywhere but where a test names days
    document.put("weekdays", Weekdays.ALL);
    document.put("travel_km", 30);
    document.put("remote_ok", true);
    document.put("gender", "female");
    document.put("birth_year", LocalDate.now().getYear() - 28);
    document.put("verified_hours", 0.0);
    document.put("experience", 0.0);
    document.put("active", true);
    document.put("updated_at", Instant.now().toString());
    return document;
  }

  /**
   * Writes the documents and refreshes; they are removed by {@link #removeAll}. An opportunity's
   * {@code skill_shares} and share and capacity steps are derived from its {@code required_skills}
   * and {@code capacity_left}, a volunteer's reach cells and experience from its location, travel
   * limit and hours, as the indexer derives them.
   */
  void write(String index, List<Map<String, Object>> documents) {
    try {
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      for (Map<String, Object> given : documents) {
        Map<String, Object> document =
            index.equals(VOLUNTEERS)
                ? IndexDocuments.withRankingFields(given)
                : withWeekdays(withSkillShares(given));
        String id = (String) document.get("id");
        written.add(new String[] {index, id});
        bulk.operations(op -> op.index(i -> i.index(index).id(id).document(document)));
      }
      var response =
          elasticsearch.bulk(
              bulk.refresh(co.elastic.clients.elasticsearch._types.Refresh.True).build());
      if (response.errors()) {
        throw new IllegalStateException(
            response.items().stream()
                .filter(item -> item.error() != null)
                .findFirst()
                .orElseThrow()
                .error()
                .reason());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withSkillShares(Map<String, Object> document) {
    if (!(document.get("required_skills") instanceof List<?> required)) {
      return document;
    }
    Map<String, Object> shares = new LinkedHashMap<>();
    required.forEach(
        skill ->
            shares.put(
                (String) ((Map<String, Object>) skill).get("code"),
                ((Map<String, Object>) skill).get("share")));
    Map<String, Object> withShares = new LinkedHashMap<>(document);
    withShares.put("skill_shares", shares);
    withShares.put(
        "skill_share_steps", RankingSteps.shareTokens((List<Map<String, Object>>) required));
    withShares.put("tiebreak_bits", Rotation.tokens((String) document.get("id")));
    withShares.remove("capacity_as_date");
    String capacity =
        ValueAsDate.of(((Number) document.getOrDefault("capacity_left", 0.0)).doubleValue());
    if (capacity != null) {
      withShares.put("capacity_as_date", capacity);
    }
    return withShares;
  }

  /** A day of the week the opportunity does not run on (it must run on fewer than seven). */
  static String dayOff(Map<String, Object> opportunity) {
    List<String> on =
        Weekdays.of(
            Instant.parse((String) opportunity.get("starts_at")),
            Instant.parse((String) opportunity.get("ends_at")));
    return Weekdays.ALL.stream().filter(day -> !on.contains(day)).findFirst().orElseThrow();
  }

  /** The days it runs on, derived from its dates as the indexer does. */
  private static Map<String, Object> withWeekdays(Map<String, Object> document) {
    if (!(document.get("starts_at") instanceof String starts)
        || !(document.get("ends_at") instanceof String ends)) {
      return document;
    }
    Map<String, Object> withDays = new LinkedHashMap<>(document);
    withDays.put("weekdays", Weekdays.of(Instant.parse(starts), Instant.parse(ends)));
    return withDays;
  }

  void removeAll() {
    if (written.isEmpty()) {
      return;
    }
    try {
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      written.forEach(
          entry -> bulk.operations(op -> op.delete(d -> d.index(entry[0]).id(entry[1]))));
      elasticsearch.bulk(
          bulk.refresh(co.elastic.clients.elasticsearch._types.Refresh.True).build());
      written.clear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> with(Map<String, Object> document, Object... keysAndValues) {
    Map<String, Object> changed = new LinkedHashMap<>(document);
    changed.put("id", UUID.randomUUID().toString());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      changed.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return changed;
  }

  /** A point about {@code km} kilometres east of the centre of Riyadh. */
  /** A location {@code km} from the centre of Riyadh along the bearing, on the sphere. */
  static Map<String, Object> fromRiyadh(double km, double bearing) {
    double[] point = Geodesy.destination(RIYADH_LAT, RIYADH_LON, bearing, km);
    return Map.of("lat", point[0], "lon", point[1]);
  }

  static Map<String, Object> eastOfRiyadh(double km) {
    return Map.of(
        "lat",
        RIYADH_LAT,
        "lon",
        RIYADH_LON + km / (111.32 * Math.cos(Math.toRadians(RIYADH_LAT))));
  }
}
