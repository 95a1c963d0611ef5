package sa.volunteering.matching.stats;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.Columns;

/** Reads the indicator summaries (V4__indicators.sql); never the counted tables themselves. */
@Repository
class StatsRepository {

  private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
  private static final LocalDate LAST = LocalDate.of(9999, 12, 1);
  private static final String MONTH_GROUP = "to_char(month, 'YYYY-MM')";

  private final DatabaseClient database;

  StatsRepository(DatabaseClient database) {
    this.database = database;
  }

  /**
   * The additive indicators of one page of groups; {@code activeInMonths} sums each month's people,
   * exact for one month only.
   */
  record Sums(
      String group,
      long registeredVolunteers,
      long organizations,
      long opportunitiesOffered,
      long seatsOffered,
      long seatsTaken,
      long applications,
      long acceptedApplications,
      BigDecimal verifiedHours,
      long activeInMonths,
      long groups) {}

  Flux<Sums> sums(Slice slice, Period period, long offset, int limit) {
    String group = slice.byMonth() ? MONTH_GROUP : "key";
    String order = slice.byMonth() ? "grp" : "sum(verified_hours) desc, grp";
    return database
        .sql(
            "select "
                + group
                + " as grp, sum(registered_volunteers)::bigint as registered, sum(organizations)::bigint as organizations,"
                + " sum(opportunities_offered)::bigint as offered, sum(seats_offered)::bigint as seats_offered, sum(seats_taken)::bigint as seats_taken,"
                + " sum(applications)::bigint as applications, sum(accepted_applications)::bigint as accepted, sum(verified_hours) as hours,"
                + " sum(active_volunteers)::bigint as active, count(*) over () as groups"
                + " from indicator_months where dimension = :dimension and key >= :low and key < :high and month between :from and :to"
                + " group by grp order by "
                + order
                + " limit :limit offset :offset")
        .bind("dimension", slice.dimension())
        .bind("low", slice.prefix())
        .bind("high", slice.prefixEnd())
        .bind("from", from(period))
        .bind("to", to(period))
        .bind("limit", limit)
        .bind("offset", offset)
        .map(StatsRepository::sums)
        .all();
  }

  /**
   * People with verified hours in the period per stored key, each once: from the all-time tally, or
   * their months.
   */
  Mono<Map<String, Long>> activeVolunteers(Slice slice, Period period, List<String> keys) {
    String sql;
    if (period.allTime()) {
      sql =
          "select key, active_volunteers as people from indicator_totals where dimension = :dimension and key = any(:keys)";
    } else {
      String months =
          period.from() == null
              ? "months[1] <= :to"
              : period.to() == null
                  ? "months[array_upper(months, 1)] >= :from"
                  : "months && array(select generate_series(:from::date, :to::date, interval '1 month')::date)";
      sql =
          "select key, count(*) as people from volunteer_activity where dimension = :dimension and key = any(:keys) and "
              + months
              + " group by key";
    }
    DatabaseClient.GenericExecuteSpec spec =
        database
            .sql(sql)
            .bind("dimension", slice.dimension())
            .bind("keys", keys.toArray(String[]::new));
    if (period.from() != null) {
      spec = spec.bind("from", from(period));
    }
    if (period.to() != null) {
      spec = spec.bind("to", to(period));
    }
    return counts(spec, "people");
  }

  /**
   * Fields with an opportunity offered in the period, per group: the stored {@code keys}, or every
   * month.
   */
  Mono<Map<String, Long>> fieldsInUse(Slice slice, Period period, List<String> keys) {
    String group = slice.byMonth() ? MONTH_GROUP : "key";
    String only = slice.byMonth() ? "" : " and key = any(:keys)";
    DatabaseClient.GenericExecuteSpec spec =
        database
            .sql(
                "select "
                    + group
                    + " as key, count(distinct field_code) as fields from offered_fields"
                    + " where dimension = :dimension and key >= :low and key < :high and month between :from and :to and opportunities > 0"
                    + only
                    + " group by 1")
            .bind("dimension", slice.dimension())
            .bind("low", slice.prefix())
            .bind("high", slice.prefixEnd())
            .bind("from", from(period))
            .bind("to", to(period));
    return counts(
        slice.byMonth() ? spec : spec.bind("keys", keys.toArray(String[]::new)), "fields");
  }

  /** Whether every change written so far is in the summaries. */
  Mono<Boolean> upToDate() {
    return database
        .sql("select not exists (select 1 from indicator_changes) as up_to_date")
        .map(row -> Boolean.TRUE.equals(row.get("up_to_date", Boolean.class)))
        .one();
  }

  /** Arabic and English names of organizations, by id. */
  Mono<Map<String, List<String>>> organizationNames(List<UUID> ids) {
    return database
        .sql("select id::text as id, name_ar, name_en from organizations where id = any(:ids)")
        .bind("ids", ids.toArray(UUID[]::new))
        .map(
            row ->
                Map.entry(
                    row.get("id", String.class),
                    List.of(row.get("name_ar", String.class), row.get("name_en", String.class))))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  private static Mono<Map<String, Long>> counts(
      DatabaseClient.GenericExecuteSpec spec, String column) {
    return spec.map(row -> Map.entry(row.get("key", String.class), row.get(column, Long.class)))
        .all()
        .collect(HashMap::new, (counts, entry) -> counts.put(entry.getKey(), entry.getValue()));
  }

  private static LocalDate from(Period period) {
    LocalDate day = period.firstDay();
    return day == null ? FIRST : day;
  }

  private static LocalDate to(Period period) {
    LocalDate day = period.lastMonthDay();
    return day == null ? LAST : day;
  }

  private static Sums sums(Readable row) {
    return new Sums(
        Columns.required(row, "grp", String.class),
        Columns.required(row, "registered", Long.class),
        Columns.required(row, "organizations", Long.class),
        Columns.required(row, "offered", Long.class),
        Columns.required(row, "seats_offered", Long.class),
        Columns.required(row, "seats_taken", Long.class),
        Columns.required(row, "applications", Long.class),
        Columns.required(row, "accepted", Long.class),
        Columns.required(row, "hours", BigDecimal.class),
        Columns.required(row, "active", Long.class),
        Columns.required(row, "groups", Long.class));
  }
}
