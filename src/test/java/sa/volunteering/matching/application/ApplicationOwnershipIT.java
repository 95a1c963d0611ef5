package sa.volunteering.matching.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.security.Ownership;
import sa.volunteering.matching.security.Role;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.system.web.PageRequest;

/**
 * Application and hours statements check ownership themselves: called as another organization or
 * another volunteer (what a service that forgot its check would do), they read and change nothing.
 */
@IntegrationTest
class ApplicationOwnershipIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @LocalServerPort int port;

  @Autowired ApplicationRepository applications;

  @Autowired HoursRepository hours;

  private UUID organization;
  private UUID volunteer;
  private UUID pending;
  private UUID accepted;
  private UUID logged;
  private UUID opportunity;
  private Ownership otherOrganization;
  private Ownership otherVolunteer;

  @BeforeEach
  void setUp() {
    Fixtures fixtures = new Fixtures(new Api(port));
    organization = fixtures.organization();
    opportunity = fixtures.published(organization, 5);
    volunteer = fixtures.volunteer();
    pending = fixtures.application(volunteer, opportunity);
    UUID second = fixtures.volunteer();
    accepted = fixtures.application(second, opportunity);
    fixtures.accept(organization, accepted);
    logged = fixtures.hours(organization, accepted);
    otherOrganization =
        Ownership.of(new Actor(EnumSet.of(Role.ORG_MEMBER), null, fixtures.organization()));
    otherVolunteer =
        Ownership.of(new Actor(EnumSet.of(Role.VOLUNTEER), fixtures.volunteer(), null));
  }

  @Test
  void strangersReadAndChangeNothing() {
    for (Ownership stranger : List.of(otherOrganization, otherVolunteer)) {
      assertThat(applications.record(stranger, pending).blockOptional(WAIT)).isEmpty();
      assertThat(
              applications
                  .decide(stranger, pending, List.of("pending"), "rejected")
                  .blockOptional(WAIT))
          .isEmpty();
      assertThat(applications.withdraw(stranger, pending, List.of("pending")).blockOptional(WAIT))
          .isEmpty();
      assertThat(
              applications
                  .applicants(stranger, opportunity, new PageRequest(0, 50))
                  .collectList()
                  .block(WAIT))
          .isEmpty();
      assertThat(
              hours
                  .insert(stranger, UUID.randomUUID(), accepted, hoursRequest())
                  .blockOptional(WAIT))
          .isEmpty();
      assertThat(hours.ofApplication(stranger, accepted).collectList().block(WAIT)).isEmpty();
      assertThat(hours.settle(stranger, logged, "verified", null).blockOptional(WAIT)).isEmpty();
    }
    Ownership organizationMember =
        Ownership.of(new Actor(EnumSet.of(Role.ORG_MEMBER), null, organization));
    assertThat(
            applications
                .withdraw(organizationMember, pending, List.of("pending"))
                .blockOptional(WAIT))
        .as("only the volunteer withdraws")
        .isEmpty();
    assertThat(hours.settle(organizationMember, logged, "verified", null).blockOptional(WAIT))
        .as("only the volunteer verifies their hours")
        .isEmpty();

    assertThat(applications.record(organizationMember, pending).block(WAIT).status())
        .isEqualTo("pending");
    assertThat(hours.find(logged).block(WAIT).status()).isEqualTo("logged");
    assertThat(hours.ofApplication(organizationMember, accepted).collectList().block(WAIT))
        .hasSize(1);
  }

  @Test
  void ownersActOnTheirOwn() {
    Ownership member = Ownership.of(new Actor(EnumSet.of(Role.ORG_MEMBER), null, organization));
    Ownership applicant = Ownership.of(new Actor(EnumSet.of(Role.VOLUNTEER), volunteer, null));
    assertThat(applications.record(applicant, pending).blockOptional(WAIT)).isPresent();
    assertThat(
            applications
                .applicants(member, opportunity, new PageRequest(0, 50))
                .collectList()
                .block(WAIT))
        .hasSize(2);
    assertThat(applications.withdraw(applicant, pending, List.of("pending")).blockOptional(WAIT))
        .isPresent();
    assertThat(
            hours.insert(member, UUID.randomUUID(), accepted, hoursRequest()).blockOptional(WAIT))
        .isPresent();
  }

  private static HoursRequest hoursRequest() {
    return new HoursRequest(LocalDate.now(), new BigDecimal("2"), null);
  }
}
