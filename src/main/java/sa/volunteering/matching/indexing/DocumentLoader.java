package sa.volunteering.matching.indexing;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import sa.volunteering.matching.taxonomy.City;
import sa.volunteering.matching.taxonomy.Taxonomy;

/**
 * Turns a batch of outbox rows into index actions by reading the current state of every aggregate they
 * name: one query per kind of aggregate, never one per row. An organization's change re-indexes its
 * opportunities, which carry its name.
 */
@Component
class DocumentLoader {

  /** Two decimals of a degree: about 1.1 km north-south. */
  private static final int VOLUNTEER_DECIMALS = 2;
  private static final int EXACT = -1;

  private final DatabaseClient database;
  private final Taxonomy taxonomy;
  private final String opportunities;
  private final String volunteers;

  DocumentLoader(DatabaseClient database, Taxonomy taxonomy, SearchIndexProperties indexes) {
    this.database = database;
    this.taxonomy = taxonomy;
    this.opportunities = indexes.alias("opportunities");
    this.volunteers = indexes.alias("volunteers");
  }

  Mono<List<IndexAction>> actionsFor(List<OutboxRow> rows) {
    return actionsFor(rows, opportunities, volunteers);
  }

  /** The same, writing to the given indexes instead of the aliases (a reindex fills a new index). */
  Mono<List<IndexAction>> actionsFor(List<OutboxRow> rows, String opportunities, String volunteers) {
    Map<UUID, List<OutboxRow>> opportunityRows = group(rows, "opportunity");
    Map<UUID, List<OutboxRow>> volunteerRows = group(rows, "volunteer");
    Map<UUID, List<OutboxRow>> organizationRows = group(rows, "organization");
    return opportunitiesOf(organizationRows)
        .flatMap(byOrganization -> {
          Map<UUID, List<Long>> opportunityOutbox = new LinkedHashMap<>();
          Map<UUID, Long> tombstoneVersions = new HashMap<>();
          opportunityRows.forEach((id, list) -> {
            opportunityOutbox.computeIfAbsent(id, key -> new ArrayList<>()).addAll(ids(list));
            tombstoneVersions.put(id, maxVersion(list));
          });
          byOrganization.forEach((organization, opportunityIds) -> opportunityIds.forEach(id ->
              opportunityOutbox.computeIfAbsent(id, key -> new ArrayList<>()).addAll(ids(organizationRows.get(organization)))));
          List<Long> settledWithoutWork = organizationRows.entrySet().stream()
              .filter(entry -> byOrganization.getOrDefault(entry.getKey(), List.of()).isEmpty())
              .flatMap(entry -> ids(entry.getValue()).stream()).toList();
          return opportunityActions(opportunities, opportunityOutbox, tombstoneVersions)
              .flatMap(forOpportunities -> volunteerActions(volunteers, volunteerRows).map(forVolunteers -> {
                List<IndexAction> actions = new ArrayList<>(forOpportunities);
                actions.addAll(forVolunteers);
                if (!settledWithoutWork.isEmpty()) {
                  actions.add(new IndexAction.Nothing(settledWithoutWork));
                }
                return actions;
              }));
        });
  }

  /** The state of one aggregate as read now; {@code document} only when it belongs in the index. */
  private record Current(UUID id, long version, @Nullable Map<String, Object> document) {}

  private Mono<Map<UUID, List<UUID>>> opportunitiesOf(Map<UUID, List<OutboxRow>> organizationRows) {
    if (organizationRows.isEmpty()) {
      return Mono.just(Map.of());
    }
    return database.sql("select organization_id, id from opportunities where organization_id = any(:ids) and status <> 'draft'")
        .bind("ids", organizationRows.keySet().toArray(UUID[]::new))
        .map(row -> Map.entry(row.get("organization_id", UUID.class), row.get("id", UUID.class)))
        .all()
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  private Mono<List<IndexAction>> opportunityActions(String index, Map<UUID, List<Long>> outbox, Map<UUID, Long> tombstones) {
    if (outbox.isEmpty()) {
      return Mono.just(List.of());
    }
    UUID[] ids = outbox.keySet().toArray(UUID[]::new);
    Mono<Map<UUID, List<Map<String, Object>>>> skills = database
        .sql("select opportunity_id, skill_code, weight from opportunity_skills where opportunity_id = any(:ids)")
        .bind("ids", ids)
        .map(row -> Map.entry(row.get("opportunity_id", UUID.class),
            Map.<String, Object>of("code", row.get("skill_code", String.class), "weight", row.get("weight", BigDecimal.class))))
        .all()
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return skills.flatMap(skillsById -> database.sql("select o.*, org.name_ar as org_name_ar, org.name_en as org_name_en,"
            + " org.verified as org_verified from opportunities o join organizations org on org.id = o.organization_id where o.id = any(:ids)")
        .bind("ids", ids)
        .map(row -> {
          UUID id = row.get("id", UUID.class);
          boolean inIndex = !"draft".equals(row.get("status", String.class));
          return new Current(id, row.get("version", Long.class),
              inIndex ? opportunityDocument(row, skillsById.getOrDefault(id, List.of())) : null);
        })
        .all()
        .collectMap(Current::id))
        .map(current -> {
          List<IndexAction> actions = new ArrayList<>();
          outbox.forEach((id, outboxIds) -> actions.add(action(index, id, current.get(id), tombstones.getOrDefault(id, 0L), outboxIds)));
          return actions;
        });
  }

  private Mono<List<IndexAction>> volunteerActions(String index, Map<UUID, List<OutboxRow>> outbox) {
    if (outbox.isEmpty()) {
      return Mono.just(List.of());
    }
    return database.sql("select v.*, coalesce(verified.hours, 0) as verified_hours from volunteers v left join"
            + " (select a.volunteer_id, sum(h.hours) as hours from applications a join volunteer_hours h on h.application_id = a.id"
            + " where a.volunteer_id = any(:ids) and h.status = 'verified' group by a.volunteer_id) verified on verified.volunteer_id = v.id"
            + " where v.id = any(:ids)")
        .bind("ids", outbox.keySet().toArray(UUID[]::new))
        .map(row -> new Current(row.get("id", UUID.class), row.get("version", Long.class),
            "active".equals(row.get("status", String.class)) ? volunteerDocument(row) : null))
        .all()
        .collectMap(Current::id)
        .map(current -> {
          List<IndexAction> actions = new ArrayList<>();
          outbox.forEach((id, rows) -> actions.add(action(index, id, current.get(id), maxVersion(rows), ids(rows))));
          return actions;
        });
  }

  /** Put the current document, or remove it as of the newest version anyone has announced for it. */
  private static IndexAction action(String index, UUID id, @Nullable Current current, long announced, List<Long> outboxIds) {
    if (current != null && current.document() != null) {
      return new IndexAction.Put(index, id.toString(), current.version(), current.document(), outboxIds);
    }
    long version = Math.max(announced, current == null ? 0 : current.version());
    return new IndexAction.Remove(index, id.toString(), version, outboxIds);
  }

  private Map<String, Object> opportunityDocument(Readable row, List<Map<String, Object>> skills) {
    String cityCode = row.get("city_code", String.class);
    City city = taxonomy.cities().byCode(cityCode).orElse(null);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", String.valueOf(row.get("id", UUID.class)));
    document.put("title", join(row.get("title_ar", String.class), row.get("title_en", String.class)));
    document.put("description", join(row.get("description_ar", String.class), row.get("description_en", String.class)));
    document.put("organization", Map.of(
        "id", String.valueOf(row.get("organization_id", UUID.class)),
        "name", join(row.get("org_name_ar", String.class), row.get("org_name_en", String.class)),
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
    document.put("starts_at", String.valueOf(row.get("starts_at", Instant.class)));
    document.put("ends_at", String.valueOf(row.get("ends_at", Instant.class)));
    document.put("hours", row.get("hours", BigDecimal.class));
    int seats = row.get("seats", Integer.class);
    int left = seats - row.get("seats_taken", Integer.class);
    document.put("seats_total", seats);
    document.put("seats_left", left);
    document.put("capacity_left", seats == 0 ? 0.0 : (double) left / seats);
    document.put("languages", row.get("title_en", String.class) != null || row.get("description_en", String.class) != null
        ? List.of("ar", "en") : List.of("ar"));
    document.put("gender", row.get("gender", String.class));
    putIfPresent(document, "min_age", row.get("min_age", Integer.class));
    putIfPresent(document, "max_age", row.get("max_age", Integer.class));
    document.put("status", row.get("status", String.class));
    Instant published = row.get("published_at", Instant.class);
    putIfPresent(document, "published_at", published == null ? null : published.toString());
    document.put("updated_at", String.valueOf(row.get("updated_at", Instant.class)));
    return document;
  }

  private Map<String, Object> volunteerDocument(Readable row) {
    String cityCode = row.get("city_code", String.class);
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
    document.put("birth_year", row.get("birth_date", LocalDate.class).getYear());
    BigDecimal hours = row.get("verified_hours", BigDecimal.class);
    document.put("verified_hours", hours);
    document.put("experience", Experience.of(hours == null ? 0 : hours.doubleValue()));
    document.put("active", true);
    document.put("updated_at", String.valueOf(row.get("updated_at", Instant.class)));
    return document;
  }

  /**
   * The point given, else the centre of the city: ranking by distance needs a point for everyone. Rounded
   * to {@code decimals} of a degree unless {@link #EXACT}: a volunteer's home is indexed to about a kilometre,
   * no closer (data minimization; distances decay over tens of kilometres).
   */
  private static void putLocation(Map<String, Object> document, Readable row, @Nullable City city, int decimals) {
    Double lat = row.get("lat", Double.class);
    Double lon = row.get("lon", Double.class);
    if (lat != null && lon != null) {
      document.put("location", Map.of("lat", rounded(lat, decimals), "lon", rounded(lon, decimals)));
    } else if (city != null) {
      document.put("location", Map.of("lat", city.lat(), "lon", city.lon()));
    }
  }

  /** Each required skill with its share of the total weight, so that a sum of shares is a coverage in [0, 1]. */
  private static List<Map<String, Object>> withShares(List<Map<String, Object>> skills) {
    double total = skills.stream().mapToDouble(skill -> ((BigDecimal) skill.get("weight")).doubleValue()).sum();
    return skills.stream().map(skill -> {
      Map<String, Object> withShare = new LinkedHashMap<>(skill);
      withShare.put("share", total == 0 ? 0.0 : ((BigDecimal) skill.get("weight")).doubleValue() / total);
      return (Map<String, Object>) withShare;
    }).toList();
  }

  /** The shares again, one numeric field per skill code, so that a query can sum them without a nested (joining) query. */
  private static Map<String, Object> sharesByCode(List<Map<String, Object>> required) {
    Map<String, Object> shares = new LinkedHashMap<>();
    required.forEach(skill -> shares.put((String) skill.get("code"), skill.get("share")));
    return shares;
  }

  private static double rounded(double degrees, int decimals) {
    return decimals == EXACT ? degrees : java.math.BigDecimal.valueOf(degrees).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  private static void putIfPresent(Map<String, Object> document, String key, @Nullable Object value) {
    if (value != null) {
      document.put(key, value);
    }
  }

  private static String join(@Nullable String arabic, @Nullable String english) {
    return english == null ? String.valueOf(arabic) : arabic + "\n" + english;
  }

  private static Map<UUID, List<OutboxRow>> group(List<OutboxRow> rows, String type) {
    return rows.stream().filter(row -> row.type().equals(type))
        .collect(Collectors.groupingBy(OutboxRow::aggregateId, LinkedHashMap::new, Collectors.toList()));
  }

  private static List<Long> ids(List<OutboxRow> rows) {
    return rows.stream().map(OutboxRow::id).toList();
  }

  private static long maxVersion(List<OutboxRow> rows) {
    return rows.stream().mapToLong(OutboxRow::version).max().orElse(0);
  }
}
