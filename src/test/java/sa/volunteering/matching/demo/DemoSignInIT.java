package sa.volunteering.matching.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Demo sign-in, when turned on: tokens for existing volunteers and organizations only, never more
 * than they could do.
 */
@IntegrationTest
@TestPropertySource(properties = "app.demo.sign-in=true")
class DemoSignInIT {

  @LocalServerPort int port;

  @Test
  void aDemoVolunteerTokenActsAsThatVolunteerAndNoOneElse() {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID volunteer = fixtures.volunteer();
    UUID other = fixtures.volunteer();
    fixtures.awaitIndexed(volunteer);
    Api.Response session =
        api.post("/api/demo/sign-in", null, Map.of("as", "volunteer", "id", volunteer.toString()));
    assertThat(session.status()).as(session.toString()).isEqualTo(200);
    assertThat(session.body().path("expiresAt").asString()).isNotBlank();
    String token = session.body().path("token").asString();
    assertThat(api.get("/api/volunteers/me", token).body().path("id").asString())
        .isEqualTo(volunteer.toString());
    assertThat(api.get("/api/volunteers/" + volunteer + "/matches", token).status()).isEqualTo(200);
    assertThat(api.get("/api/volunteers/" + other + "/matches", token).status()).isEqualTo(403);
    assertThat(api.get("/api/admin/indexing/failures", token).status()).isEqualTo(403);
  }

  @Test
  void aDemoMemberTokenManagesThatOrganizationOnly() {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    UUID another = fixtures.organization();
    UUID opportunity = fixtures.published(organization, 5);
    UUID elsewhere = fixtures.published(another, 5);
    String token =
        api.post("/api/demo/sign-in", null, Map.of("as", "member", "id", organization.toString()))
            .body()
            .path("token")
            .asString();
    assertThat(api.get("/api/opportunities/" + opportunity + "/applications", token).status())
        .isEqualTo(200);
    assertThat(api.get("/api/opportunities/" + elsewhere + "/applications", token).status())
        .isEqualTo(403);
  }

  @Test
  void theAccountsListNamesNoOneAndSignInRefusesWhatDoesNotExist() {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    fixtures.volunteer();
    fixtures.published(fixtures.organization(), 5);
    JsonNode accounts = api.get("/api/demo/accounts", null).body();
    assertThat(accounts.path("volunteers").size()).isBetween(1, 6);
    assertThat(accounts.path("organizations").size()).isBetween(1, 6);
    accounts
        .path("volunteers")
        .forEach(
            volunteer ->
                assertThat(volunteer.propertyNames())
                    .containsExactlyInAnyOrder("id", "cityCode", "skillCodes"));

    Api.Response unknown =
        api.post(
            "/api/demo/sign-in",
            null,
            Map.of("as", "volunteer", "id", UUID.randomUUID().toString()));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.headers().getContentType().toString()).isEqualTo("application/problem+json");
    Api.Response admin =
        api.post(
            "/api/demo/sign-in", null, Map.of("as", "admin", "id", UUID.randomUUID().toString()));
    assertThat(admin.status()).isEqualTo(400);
    assertThat(admin.body().path("errors").get(0).path("field").asString()).isEqualTo("as");
    assertThat(api.post("/api/demo/sign-in", null, Map.of("as", "member")).status()).isEqualTo(400);
    assertThat(
            api.post(
                    "/api/demo/sign-in", Tokens.admin(), Map.of("as", "member", "id", "not-a-uuid"))
                .status())
        .isEqualTo(400);
  }
}
