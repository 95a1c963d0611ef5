package sa.volunteering.tools.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.stats.IndicatorFolder;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Tokens;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.tools.ToolsIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicators of a generated data set, imported on top of whatever the database holds, against
 * counts made directly on the counted tables with the rules of docs/indicators.md: whole platform,
 * periods, and groups.
 */
@ToolsIntegrationTest
class IndicatorTotalsIT {

  /** Verified hours of the period, and their people, each once. */
  private static final String HOURS =
      "select coalesce(sum(h.hours), 0) as hours, count(distinct a.volunteer_id) as people"
          + " from volunteer_hours h join applications a on a.id = h.application_id join opportunities o on o.id = a.opportunity_id"
          + " where h.status = 'verified' and date_trunc('month', h.worked_on)::date between :from and :to";

  private static final String OFFERED =
      "select count(*) as offered, coalesce(sum(seats), 0) as seats, coalesce(sum(seats_taken), 0) as taken,"
          + " count(distinct field_code) as fields from opportunities where status <> 'draft' and published_at is not null"
          + " and date_trunc('month', published_at at time zone 'Asia/Riyadh')::date between :from and :to";
  private static final String APPLIED =
      "select count(*) as applications, count(*) filter (where a.status in ('accepted', 'completed')) as accepted"
          + " from applications a join opportunities o on o.id = a.opportunity_id"
          + " where date_trunc('month', a.created_at at time zone 'Asia/Riyadh')::date between :from and :to";
  private static final String REGISTERED =
      "select count(*) as registered from volunteers where status = 'active'"
          + " and date_trunc('month', created_at at time zone 'Asia/Riyadh')::date between :from and :to";
  private static final String ORGANIZATIONS =
      "select count(*) as organizations from organizations where status = 'active'"
          + " and date_trunc('month', created_at at time zone 'Asia/Riyadh')::date between :from and :to";

  @LocalServerPort int port;

  @Autowired DatasetImporter importer;

  @Autowired IndicatorFolder folder;

  @Autowired Taxonomy taxonomy;

  @Autowired JsonMapper json;

  @Autowired DatabaseClient database;

  @Test
  void theIndicatorsAgreeWithCountsOnTheTables(@TempDir Path directory) throws IOException {
    DatasetFiles.write(
        new DatasetGenerator(taxonomy), directory, System.nanoTime(), 8, 200, 600, json);
    importer.load(directory, true).block(Duration.ofMinutes(5));
    folder.drain().block(Duration.ofMinutes(5));
    Api api = new Api(port);

    for (String[] period :
        new String[][] {
          {null, null},
          {"2025-01", "2025-12"},
          {"2025-06", "2025-06"},
          {"2025-09", null},
          {null, "2025-04"}
        }) {
      Api.Response response =
          api.get(Api.query("/api/stats", "from", period[0], "to", period[1]), null);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      assertThat(response.body().path("upToDate").asBoolean()).isTrue();
      JsonNode indicators = response.body().path("indicators");
      String from = period[0] == null ? "0001-01-01" : period[0] + "-01";
      String to = period[1] == null ? "9999-12-01" : period[1] + "-01";
      Map<String, Object> hours = row(HOURS, from, to);
      Map<String, Object> offered = row(OFFERED, from, to);
      Map<String, Object> applied = row(APPLIED, from, to);
      String as =
          (period[0] == null ? "…" : period[0]) + " to " + (period[1] == null ? "…" : period[1]);
      assertThat(indicators.path("verifiedHours").decimalValue())
          .as(as)
          .isEqualByComparingTo((BigDecimal) hours.get("hours"));
      assertThat(indicators.path("uniqueActiveVolunteers").asLong())
          .as(as)
          .isEqualTo(hours.get("people"));
      assertThat(indicators.path("opportunitiesOffered").asLong())
          .as(as)
          .isEqualTo(offered.get("offered"));
      assertThat(indicators.path("seatsOffered").asLong())
          .as(as)
          .isEqualTo(((Number) offered.get("seats")).longValue());
      assertThat(indicators.path("seatsTaken").asLong())
          .as(as)
          .isEqualTo(((Number) offered.get("taken")).longValue());
      assertThat(indicators.path("fieldsInUse").asLong()).as(as).isEqualTo(offered.get("fields"));
      assertThat(indicators.path("applications").asLong())
          .as(as)
          .isEqualTo(applied.get("applications"));
      assertThat(indicators.path("acceptedApplications").asLong())
          .as(as)
          .isEqualTo(applied.get("accepted"));
      assertThat(indicators.path("registeredVolunteers").asLong())
          .as(as)
          .isEqualTo(row(REGISTERED, from, to).get("registered"));
      assertThat(indicators.path("organizations").asLong())
          .as(as)
          .isEqualTo(row(ORGANIZATIONS, from, to).get("organizations"));
    }

    for (String by : new String[] {"field", "region"}) {
      String column =
          by.equals("field")
              ? "o.field_code"
              : "(select region_code from city_regions r where r.city_code = o.city_code)";
      Api.Response response =
          api.get(
              Api.query(
                  "/api/stats/breakdown",
                  "by",
                  by,
                  "from",
                  "2025-01",
                  "to",
                  "2025-12",
                  "size",
                  100),
              Tokens.admin());
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      Map<String, JsonNode> groups = new HashMap<>();
      response
          .body()
          .path("groups")
          .forEach(group -> groups.put(group.path("key").asString(), group.path("indicators")));
      database
          .sql(
              "select "
                  + column
                  + " as grp, coalesce(sum(h.hours), 0) as hours, count(distinct a.volunteer_id) as people"
                  + " from volunteer_hours h join applications a on a.id = h.application_id join opportunities o on o.id = a.opportunity_id"
                  + " where h.status = 'verified' and h.worked_on between '2025-01-01' and '2025-12-31' group by 1")
          .map(
              row ->
                  Map.entry(
                      row.get("grp", String.class),
                      Map.entry(row.get("hours", BigDecimal.class), row.get("people", Long.class))))
          .all()
          .doOnNext(
              expected -> {
                JsonNode group = groups.get(expected.getKey());
                assertThat(group).as(by + " " + expected.getKey()).isNotNull();
                assertThat(group.path("verifiedHours").decimalValue())
                    .as(by + " " + expected.getKey())
                    .isEqualByComparingTo(expected.getValue().getKey());
                assertThat(group.path("uniqueActiveVolunteers").asLong())
                    .as(by + " " + expected.getKey())
                    .isEqualTo(expected.getValue().getValue());
              })
          .then()
          .block(Duration.ofMinutes(2));
    }
  }

  private Map<String, Object> row(String sql, String from, String to) {
    return database
        .sql(sql)
        .bind("from", LocalDate.parse(from))
        .bind("to", LocalDate.parse(to))
        .fetch()
        .one()
        .block(Duration.ofMinutes(2));
  }
}
