package sa.volunteering.matching.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The opportunity statements check ownership themselves: called as another organization (what a
 * service that forgot its check would do), they read and change nothing; as the owner or an
 * administrator they work.
 */
@IntegrationTest
class OpportunityOwnershipIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @LocalServerPort int port;

  @Autowired OpportunityRepository opportunities;

  private Fixtures fixtures;
  private UUID owner;
  private Ownership stranger;

  @BeforeEach
  void setUp() {
    fixtures = new Fixtures(new Api(port));
    owner = fixtures.organization();
    stranger = Ownership.of(new Actor(EnumSet.of(Role.ORG_MEMBER), null, fixtures.organization()));
  }

  @Test
  void anotherOrganizationReadsAndChangesNothing() {
    UUID draft = fixtures.draft(owner, 5);
    UUID published = fixtures.published(owner, 5);
    OpportunityView before = opportunities.find(Ownership.of(member(owner)), draft).block(WAIT);
    assertThat(before).isNotNull();
    OpportunityRequest request = request(before.version());

    assertThat(opportunities.find(stranger, draft).blockOptional(WAIT))
        .as("a draft stays hidden")
        .isEmpty();
    assertThat(opportunities.find(stranger, published).blockOptional(WAIT))
        .as("a published opportunity is public")
        .isPresent();
    assertThat(opportunities.update(stranger, draft, before.version(), request).blockOptional(WAIT))
        .isEmpty();
    assertThat(opportunities.publish(stranger, draft).blockOptional(WAIT)).isEmpty();
    assertThat(opportunities.close(stranger, published).blockOptional(WAIT)).isEmpty();
    assertThat(opportunities.deleteDraft(stranger, draft).blockOptional(WAIT)).isEmpty();
    UUID planted = UUID.randomUUID();
    opportunities.insert(stranger, planted, owner, request).block(WAIT);
    assertThat(opportunities.find(Ownership.of(member(owner)), planted).blockOptional(WAIT))
        .as("no opportunity planted in another's name")
        .isEmpty();

    OpportunityView after = opportunities.find(Ownership.of(member(owner)), draft).block(WAIT);
    assertThat(after).isNotNull();
    assertThat(after.version()).isEqualTo(before.version());
    assertThat(after.status()).isEqualTo("draft");
    assertThat(opportunities.find(stranger, published).block(WAIT).status()).isEqualTo("published");
  }

  @Test
  void theOwnerAndAnAdministratorMayActOnIt() {
    UUID draft = fixtures.draft(owner, 5);
    OpportunityView before = opportunities.find(Ownership.of(member(owner)), draft).block(WAIT);
    assertThat(before).isNotNull();
    assertThat(
            opportunities
                .update(
                    Ownership.of(member(owner)), draft, before.version(), request(before.version()))
                .blockOptional(WAIT))
        .isPresent();
    Ownership admin = Ownership.of(new Actor(EnumSet.of(Role.ADMIN), null, null));
    assertThat(opportunities.find(admin, draft).blockOptional(WAIT)).isPresent();
    assertThat(opportunities.close(admin, draft).blockOptional(WAIT)).isPresent();
  }

  private static Actor member(UUID organization) {
    return new Actor(EnumSet.of(Role.ORG_MEMBER), null, organization);
  }

  private static OpportunityRequest request(long version) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(Fixtures.opportunityBody(7));
    body.put("version", version);
    return JsonMapper.builder()
        .findAndAddModules()
        .build()
        .convertValue(body, OpportunityRequest.class);
  }
}
