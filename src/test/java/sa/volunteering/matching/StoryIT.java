package sa.volunteering.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.opportunity.OpportunityService;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.OutboxRows;
import sa.volunteering.matching.support.OutboxRows.Row;
import sa.volunteering.matching.support.Tokens;

/** The whole story on the real PostgreSQL, checking the outbox after every step. */
@IntegrationTest
class StoryIT {

  @LocalServerPort int port;

  @Autowired DatabaseClient database;

  @Autowired OpportunityService opportunityService;

  Api api;
  OutboxRows outbox;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    outbox = new OutboxRows(database);
  }

  @Test
  void fromOrganizationToVerifiedHours() {
    Api.Response organization =
        api.post(
            "/api/organizations",
            Tokens.admin(),
            Fixtures.organizationBody("جمعية إنسان", "Insan Society"));
    assertThat(organization.status()).as(organization.toString()).isEqualTo(201);
    UUID org = UUID.fromString(organization.id());
    assertThat(outbox.newRows(org)).containsExactly(new Row("organization", org, 1));

    String member = Tokens.member(org);
    Api.Response draft =
        api.post(
            "/api/organizations/" + org + "/opportunities", member, Fixtures.opportunityBody(1));
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    assertThat(draft.body().path("status").asString()).isEqualTo("draft");
    assertThat(draft.body().path("requiredSkills")).hasSize(2);
    UUID opportunity = UUID.fromString(draft.id());
    assertThat(outbox.newRows(opportunity)).containsExactly(new Row("opportunity", opportunity, 1));

    assertThat(api.get("/api/opportunities/" + opportunity, null).status())
        .as("a draft is not public")
        .isEqualTo(404);
    Api.Response published =
        api.post("/api/opportunities/" + opportunity + "/publish", member, null);
    assertThat(published.body().path("status").asString()).isEqualTo("published");
    assertThat(outbox.newRows(opportunity)).containsExactly(new Row("opportunity", opportunity, 2));
    assertThat(api.get("/api/opportunities/" + opportunity, null).status()).isEqualTo(200);

    UUID volunteer = UUID.randomUUID();
    Api.Response registered =
        api.post(
            "/api/volunteers",
            Tokens.volunteer(volunteer),
            Fixtures.registrationBody(Fixtures.nationalId()));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    assertThat(registered.body().has("nationalId")).isFalse();
    assertThat(outbox.newRows(volunteer)).containsExactly(new Row("volunteer", volunteer, 1));

    Api.Response applied =
        api.post(
            "/api/opportunities/" + opportunity + "/applications",
            Tokens.volunteer(volunteer),
            Map.of("motivation", "خبرة في تنظيم الفعاليات"));
    assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    UUID application = UUID.fromString(applied.id());
    assertThat(outbox.newRows(org, opportunity, volunteer))
        .as(
            "applying changes the volunteer's document (what they applied to), not their profile's version")
        .containsExactly(new Row("volunteer", volunteer, 1));

    Api.Response applicants =
        api.get("/api/opportunities/" + opportunity + "/applications", member);
    assertThat(applicants.body().path("items").get(0).path("phone").asString())
        .isEqualTo("0551234567");

    Api.Response accepted = api.post("/api/applications/" + application + "/accept", member, null);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.body().path("status").asString()).isEqualTo("accepted");
    assertThat(outbox.newRows(opportunity, volunteer))
        .as("a seat was taken")
        .containsExactly(new Row("opportunity", opportunity, 3));
    assertThat(api.get("/api/opportunities/" + opportunity, null).body().path("seatsLeft").asInt())
        .isZero();

    Api.Response logged =
        api.post(
            "/api/applications/" + application + "/hours",
            member,
            Map.of("workedOn", java.time.LocalDate.now().toString(), "hours", 6));
    assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    assertThat(logged.body().path("status").asString()).isEqualTo("logged");
    assertThat(outbox.newRows(opportunity, volunteer)).isEmpty();

    Api.Response verified =
        api.post("/api/hours/" + logged.id() + "/verify", Tokens.volunteer(volunteer), null);
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.body().path("status").asString()).isEqualTo("verified");
    assertThat(outbox.newRows(opportunity, volunteer))
        .as("verified hours change the volunteer's indexed state, not their profile's version")
        .containsExactly(new Row("volunteer", volunteer, 1));

    Api.Response completed =
        api.post("/api/applications/" + application + "/complete", member, null);
    assertThat(completed.body().path("status").asString()).isEqualTo("completed");
    assertThat(outbox.newRows(opportunity, volunteer))
        .as("a completion counts in the volunteer's track record")
        .containsExactly(new Row("volunteer", volunteer, 1));
  }

  @Test
  void aFailedAcceptLeavesNeitherTheChangeNorItsOutboxRow() {
    Fixtures fixtures = new Fixtures(api);
    UUID org = fixtures.organization();
    UUID opportunity = fixtures.published(org, 1);
    UUID first = fixtures.application(fixtures.volunteer(), opportunity);
    UUID second = fixtures.application(fixtures.volunteer(), opportunity);
    fixtures.accept(org, first);
    outbox.newRows(opportunity);

    Api.Response refused =
        api.post("/api/applications/" + second + "/accept", Tokens.member(org), null);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("type").asString()).isEqualTo("/problems/no-seats-left");
    assertThat(applicationStatus(second))
        .as("the application's own change was rolled back")
        .isEqualTo("pending");
    assertThat(outbox.newRows(opportunity, second)).isEmpty();
  }

  @Test
  void aStaleUpdateGets409AndChangesNothing() {
    Fixtures fixtures = new Fixtures(api);
    UUID org = fixtures.organization();
    Api.Response first =
        api.put(
            "/api/organizations/" + org,
            Tokens.admin(),
            withVersion(Fixtures.organizationBody("اسم جديد", "New name"), 1));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.version()).isEqualTo(2);
    outbox.newRows(org);

    Api.Response stale =
        api.put(
            "/api/organizations/" + org,
            Tokens.admin(),
            withVersion(Fixtures.organizationBody("اسم قديم", "Old name"), 1));

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().path("type").asString()).isEqualTo("/problems/stale-version");
    assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(2);
    assertThat(api.get("/api/organizations/" + org, null).body().path("nameEn").asString())
        .isEqualTo("New name");
    assertThat(outbox.newRows(org)).isEmpty();
  }

  @Test
  void endedOpportunitiesCloseThemselvesAndAnnounceIt() {
    Fixtures fixtures = new Fixtures(api);
    UUID org = fixtures.organization();
    UUID opportunity = fixtures.published(org, 3);
    database
        .sql(
            "update opportunities set starts_at = now() - interval '3 days', ends_at = now() - interval '1 hour' where id = :id")
        .bind("id", opportunity)
        .then()
        .block(Duration.ofSeconds(10));
    outbox.newRows(opportunity);

    // The background job may close it first; either way it must end closed and announced exactly
    // once.
    opportunityService.expireEnded().block(Duration.ofSeconds(60));

    Api.Response read = api.get("/api/opportunities/" + opportunity, null);
    assertThat(read.body().path("status").asString()).isEqualTo("closed");
    assertThat(outbox.newRows(opportunity)).containsExactly(new Row("opportunity", opportunity, 3));
  }

  @Test
  void closingAProfileErasesPersonalData() {
    Fixtures fixtures = new Fixtures(api);
    UUID volunteer = fixtures.volunteer();
    outbox.newRows(volunteer);

    Api.Response closed = api.delete("/api/volunteers/me", Tokens.volunteer(volunteer));

    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    assertThat(closed.body().path("fullName").isNull()).isTrue();
    assertThat(closed.body().path("phone").isNull()).isTrue();
    assertThat(outbox.newRows(volunteer)).containsExactly(new Row("volunteer", volunteer, 2));
  }

  private String applicationStatus(UUID id) {
    return database
        .sql("select status from applications where id = :id")
        .bind("id", id)
        .map(row -> row.get("status", String.class))
        .one()
        .block(Duration.ofSeconds(10));
  }

  private static Map<String, Object> withVersion(Map<String, Object> body, long version) {
    Map<String, Object> copy = new java.util.HashMap<>(body);
    copy.put("version", version);
    return copy;
  }
}
