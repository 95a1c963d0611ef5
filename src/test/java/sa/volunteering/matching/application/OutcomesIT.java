package sa.volunteering.matching.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;

/**
 * Every change of an application's state and every verified entry of hours leaves an outcome, in
 * order, with the volunteer and the opportunity; what is refused leaves none.
 */
@IntegrationTest
class OutcomesIT {

  @LocalServerPort int port;

  @Autowired DatabaseClient database;

  private record Outcome(String kind, UUID volunteer, UUID opportunity, BigDecimal hours) {}

  @Test
  void anApplicationsWholeLifeIsRecordedAsItHappens() {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    UUID opportunity = fixtures.published(organization, 5);
    UUID volunteer = fixtures.volunteer();

    UUID application = fixtures.application(volunteer, opportunity);
    fixtures.accept(organization, application);
    UUID hours = fixtures.hours(organization, application);
    assertThat(
            api.post("/api/hours/" + hours + "/verify", Tokens.volunteer(volunteer), null).status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    "/api/applications/" + application + "/complete",
                    Tokens.member(organization),
                    null)
                .status())
        .isEqualTo(200);
    Api.Response again =
        api.post("/api/applications/" + application + "/accept", Tokens.member(organization), null);
    assertThat(again.status()).as("a completed application cannot be accepted").isEqualTo(409);

    assertThat(outcomes(application))
        .containsExactly(
            new Outcome("applied", volunteer, opportunity, null),
            new Outcome("accepted", volunteer, opportunity, null),
            new Outcome("hours_verified", volunteer, opportunity, new BigDecimal("4.50")),
            new Outcome("completed", volunteer, opportunity, null));
  }

  @Test
  void rejectedAndWithdrawnApplicationsAreOutcomesToo() {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    UUID opportunity = fixtures.published(organization, 5);
    UUID rejectedBy = fixtures.volunteer();
    UUID withdrawnBy = fixtures.volunteer();
    UUID rejected = fixtures.application(rejectedBy, opportunity);
    UUID withdrawn = fixtures.application(withdrawnBy, opportunity);

    assertThat(
            api.post("/api/applications/" + rejected + "/reject", Tokens.member(organization), null)
                .status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    "/api/applications/" + withdrawn + "/withdraw",
                    Tokens.volunteer(withdrawnBy),
                    null)
                .status())
        .isEqualTo(200);

    assertThat(outcomes(rejected)).extracting(Outcome::kind).containsExactly("applied", "rejected");
    assertThat(outcomes(withdrawn))
        .extracting(Outcome::kind)
        .containsExactly("applied", "withdrawn");
  }

  private List<Outcome> outcomes(UUID application) {
    return database
        .sql(
            "select kind, volunteer_id, opportunity_id, hours from outcomes where application_id = :id order by id")
        .bind("id", application)
        .map(
            row ->
                new Outcome(
                    row.get("kind", String.class),
                    row.get("volunteer_id", UUID.class),
                    row.get("opportunity_id", UUID.class),
                    row.get("hours", BigDecimal.class)))
        .all()
        .collectList()
        .block(Duration.ofSeconds(10));
  }
}
