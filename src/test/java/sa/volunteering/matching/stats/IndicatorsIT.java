package sa.volunteering.matching.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Each counting rule of docs/indicators.md against numbers computed by hand, on one organization of
 * its own: three opportunities offered (one closed since) and a draft, six applications of five
 * people, verified, disputed and unverified hours in two past months.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsIT {

  @LocalServerPort int port;

  @Autowired IndicatorFolder folder;

  Api api;
  Fixtures fixtures;
  UUID organization;
  String now = YearMonth.now(ZoneId.of("Asia/Riyadh")).toString();

  @BeforeAll
  void world() {
    api = new Api(port);
    fixtures = new Fixtures(api);
    organization = fixtures.organization();
    UUID eventsInRiyadh = fixtures.published(organization, 10);
    UUID healthInJeddah =
        published(
            Map.of("fieldCode", "health", "cityCode", "jeddah", "lat", 21.54, "lon", 39.17), 5);
    UUID closedLater = fixtures.published(organization, 2);
    fixtures.draft(organization, 50);

    UUID first = fixtures.volunteer();
    UUID second = fixtures.volunteer();
    UUID rejected = fixtures.volunteer();
    UUID withdrawn = fixtures.volunteer();
    UUID pending = fixtures.volunteer();

    UUID firstInRiyadh = fixtures.application(first, eventsInRiyadh);
    UUID firstInJeddah = fixtures.application(first, healthInJeddah);
    UUID secondInRiyadh = fixtures.application(second, eventsInRiyadh);
    fixtures.accept(organization, firstInRiyadh);
    fixtures.accept(organization, firstInJeddah);
    fixtures.accept(organization, secondInRiyadh);
    ok(
        api.post(
            "/api/applications/" + fixtures.application(rejected, eventsInRiyadh) + "/reject",
            Tokens.member(organization),
            null));
    ok(
        api.post(
            "/api/applications/" + fixtures.application(withdrawn, healthInJeddah) + "/withdraw",
            Tokens.volunteer(withdrawn),
            null));
    fixtures.application(pending, closedLater);
    ok(api.post("/api/opportunities/" + closedLater + "/close", Tokens.member(organization), null));

    verified(first, firstInRiyadh, "2025-03-10", 4);
    verified(first, firstInRiyadh, "2025-03-11", 3);
    verified(first, firstInJeddah, "2025-04-02", 2);
    ok(
        api.post(
            "/api/hours/" + logged(firstInRiyadh, "2025-04-05", 5) + "/dispute",
            Tokens.volunteer(first),
            Map.of("reason", "لم أحضر")));
    logged(firstInRiyadh, "2025-04-06", 1);
    verified(second, secondInRiyadh, "2025-04-01", 6);
    folder.drain().block(Duration.ofSeconds(60));
  }

  @Test
  void onePersonCountsOnceAndOnlyVerifiedHoursCount() {
    JsonNode all = onlyGroup(breakdown("organization", null, null));
    assertThat(all.path("key").asString()).isEqualTo(organization.toString());
    assertThat(all.path("nameEn").asString()).isEqualTo("Al Birr Charity");
    JsonNode indicators = all.path("indicators");
    assertThat(indicators.path("uniqueActiveVolunteers").asLong())
        .as("two people worked verified hours, one of them in two opportunities")
        .isEqualTo(2);
    assertThat(indicators.path("verifiedHours").decimalValue())
        .as("4 + 3 + 2 + 6; disputed 5 and unverified 1 left out")
        .isEqualByComparingTo("15");
    assertThat(indicators.path("applications").asLong()).isEqualTo(6);
    assertThat(indicators.path("acceptedApplications").asLong())
        .as("rejected, withdrawn and pending are no participation")
        .isEqualTo(3);
  }

  @Test
  void closedOpportunitiesStillCountAsOfferedAndDraftsDoNot() {
    JsonNode indicators = onlyGroup(breakdown("organization", null, null)).path("indicators");
    assertThat(indicators.path("opportunitiesOffered").asLong()).isEqualTo(3);
    assertThat(indicators.path("seatsOffered").asLong()).isEqualTo(17);
    assertThat(indicators.path("seatsTaken").asLong()).isEqualTo(3);
    assertThat(indicators.path("fillRate").decimalValue()).isEqualByComparingTo("0.1765");
    assertThat(indicators.path("fieldsInUse").asLong()).isEqualTo(2);
  }

  @Test
  void periodsAreWholeMonthsAndCountPeopleOnceOverSeveralMonths() {
    expectActive("2025-03", "2025-03", 1, "7");
    expectActive("2025-04", "2025-04", 2, "8");
    expectActive("2025-03", "2025-04", 2, "15");
    expectActive("2025-04", null, 2, "8");
    expectActive(null, "2025-03", 1, "7");
    assertThat(breakdown("organization", "2025-05", "2025-12").path("groups").size())
        .as("nothing counted then: no group")
        .isZero();
    JsonNode april = onlyGroup(breakdown("organization", "2025-04", "2025-04")).path("indicators");
    assertThat(april.path("opportunitiesOffered").asLong())
        .as("published this month, not in April 2025")
        .isZero();
    assertThat(april.path("applications").asLong()).isZero();
  }

  @Test
  void groupsSplitByTheOpportunitysFieldCityRegionAndMonth() {
    Map<String, JsonNode> fields = byKey(breakdown("field", null, null));
    assertThat(fields).containsOnlyKeys("events", "health");
    expect(fields.get("events"), 2, "13", 2, 4, 2);
    expect(fields.get("health"), 1, "2", 1, 2, 1);
    assertThat(fields.get("health").path("nameAr").asString()).isNotBlank();
    assertThat(fields.get("events").path("indicators").path("fieldsInUse").isNull()).isTrue();

    Map<String, JsonNode> cities = byKey(breakdown("city", null, null));
    assertThat(cities).containsOnlyKeys("riyadh", "jeddah");
    expect(cities.get("riyadh"), 2, "13", 2, 4, 2);
    expect(cities.get("jeddah"), 1, "2", 1, 2, 1);
    assertThat(cities.get("riyadh").path("indicators").path("registeredVolunteers").isNull())
        .as("registrations belong to no organization")
        .isTrue();

    Map<String, JsonNode> regions = byKey(breakdown("region", null, null));
    assertThat(regions).containsOnlyKeys("SA-01", "SA-02");
    expect(regions.get("SA-01"), 2, "13", 2, 4, 2);

    Map<String, JsonNode> months = byKey(breakdown("month", null, null));
    assertThat(months).containsOnlyKeys("2025-03", "2025-04", now);
    assertThat(months.get("2025-03").path("indicators").path("uniqueActiveVolunteers").asLong())
        .isEqualTo(1);
    assertThat(months.get("2025-04").path("indicators").path("uniqueActiveVolunteers").asLong())
        .isEqualTo(2);
    assertThat(months.get(now).path("indicators").path("opportunitiesOffered").asLong())
        .isEqualTo(3);
  }

  @Test
  void registrationsCountPeopleAndOrganizationsStillThere() {
    folder.drain().block(Duration.ofSeconds(60));
    JsonNode before = summary(now, now);
    UUID stays = fixtures.volunteer();
    UUID leaves = fixtures.volunteer();
    assertThat(stays).isNotEqualTo(leaves);
    assertThat(api.delete("/api/volunteers/me", Tokens.volunteer(leaves)).status())
        .isBetween(200, 204);
    UUID closing = fixtures.organization();
    fixtures.organization();
    ok(api.post("/api/organizations/" + closing + "/close", Tokens.admin(), null));
    folder.drain().block(Duration.ofSeconds(60));
    JsonNode after = summary(now, now);
    assertThat(
            after.path("registeredVolunteers").asLong()
                - before.path("registeredVolunteers").asLong())
        .isEqualTo(1);
    assertThat(after.path("organizations").asLong() - before.path("organizations").asLong())
        .isEqualTo(1);
  }

  @Test
  void breakdownsAreForAdministratorsAndTheirOwnOrganization() {
    UUID stranger = fixtures.organization();
    String path =
        Api.query("/api/stats/breakdown", "by", "organization", "organization", organization);
    assertThat(api.get(path, Tokens.member(organization)).status()).isEqualTo(200);
    assertThat(api.get(path, Tokens.admin()).body().path("groups").size()).isEqualTo(1);
    assertThat(api.get(path, Tokens.member(stranger)).status()).isEqualTo(403);
    assertThat(api.get(path, Tokens.volunteer(UUID.randomUUID())).status()).isEqualTo(403);
    assertThat(api.get(path, null).status()).isEqualTo(401);
    JsonNode own =
        api.get(Api.query("/api/stats/breakdown", "by", "organization"), Tokens.member(stranger))
            .body();
    assertThat(own.path("organization").asString()).isEqualTo(stranger.toString());
    assertThat(own.path("groups").size()).as("an organization with nothing counted yet").isZero();
    assertThat(api.get("/api/stats", null).status()).as("the summary is public").isEqualTo(200);
  }

  @Test
  void badPeriodsAndGroupingsAreRefusedByName() {
    assertProblem(api.get(Api.query("/api/stats", "from", "2025-13"), null), "from");
    assertProblem(api.get(Api.query("/api/stats", "from", "2025-03-01"), null), "from");
    assertProblem(api.get(Api.query("/api/stats", "from", "2025-05", "to", "2025-04"), null), "to");
    assertProblem(api.get(Api.query("/api/stats/breakdown", "by", "planet"), Tokens.admin()), "by");
    assertProblem(
        api.get(Api.query("/api/stats/breakdown", "by", "field", "size", 100_000), Tokens.admin()),
        "size");
    HttpHeaders events = new HttpHeaders();
    events.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));
    assertProblem(api.getEncoded(Api.query("/api/stats/live", "to", "1999-12"), events), "to");
  }

  private void expectActive(String from, String to, long people, String hours) {
    JsonNode indicators = onlyGroup(breakdown("organization", from, to)).path("indicators");
    assertThat(indicators.path("uniqueActiveVolunteers").asLong())
        .as(from + " to " + to)
        .isEqualTo(people);
    assertThat(indicators.path("verifiedHours").decimalValue())
        .as(from + " to " + to)
        .isEqualByComparingTo(hours);
  }

  private static void expect(
      JsonNode group, long people, String hours, long offered, long applications, long accepted) {
    JsonNode indicators = group.path("indicators");
    assertThat(indicators.path("uniqueActiveVolunteers").asLong())
        .as(group.toString())
        .isEqualTo(people);
    assertThat(indicators.path("verifiedHours").decimalValue())
        .as(group.toString())
        .isEqualByComparingTo(hours);
    assertThat(indicators.path("opportunitiesOffered").asLong())
        .as(group.toString())
        .isEqualTo(offered);
    assertThat(indicators.path("applications").asLong())
        .as(group.toString())
        .isEqualTo(applications);
    assertThat(indicators.path("acceptedApplications").asLong())
        .as(group.toString())
        .isEqualTo(accepted);
  }

  private JsonNode breakdown(String by, String from, String to) {
    Api.Response response =
        api.get(
            Api.query("/api/stats/breakdown", "by", by, "from", from, "to", to),
            Tokens.member(organization));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body();
  }

  private JsonNode summary(String from, String to) {
    Api.Response response = api.get(Api.query("/api/stats", "from", from, "to", to), null);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body().path("indicators");
  }

  private static JsonNode onlyGroup(JsonNode breakdown) {
    assertThat(breakdown.path("groups").size()).as(breakdown.toString()).isEqualTo(1);
    return breakdown.path("groups").get(0);
  }

  private static Map<String, JsonNode> byKey(JsonNode breakdown) {
    Map<String, JsonNode> groups = new HashMap<>();
    breakdown.path("groups").forEach(group -> groups.put(group.path("key").asString(), group));
    return groups;
  }

  private static void assertProblem(Api.Response response, String parameter) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.headers().getContentType()).hasToString("application/problem+json");
    assertThat(response.body().path("detail").asString())
        .as(response.toString())
        .startsWith(parameter);
  }

  private UUID published(Map<String, Object> changes, int seats) {
    Map<String, Object> body = new HashMap<>(Fixtures.opportunityBody(seats));
    body.putAll(changes);
    Api.Response created =
        api.post(
            "/api/organizations/" + organization + "/opportunities",
            Tokens.member(organization),
            body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    ok(
        api.post(
            "/api/opportunities/" + created.id() + "/publish", Tokens.member(organization), null));
    return UUID.fromString(created.id());
  }

  private UUID logged(UUID application, String day, double hours) {
    Api.Response logged =
        api.post(
            "/api/applications/" + application + "/hours",
            Tokens.member(organization),
            Map.of("workedOn", day, "hours", hours));
    assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    return UUID.fromString(logged.id());
  }

  private void verified(UUID volunteer, UUID application, String day, double hours) {
    ok(
        api.post(
            "/api/hours/" + logged(application, day, hours) + "/verify",
            Tokens.volunteer(volunteer),
            null));
  }

  private static void ok(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }
}
