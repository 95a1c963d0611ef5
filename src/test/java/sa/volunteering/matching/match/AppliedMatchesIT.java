package sa.volunteering.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A volunteer's matches leave out what they applied to, pages and streams alike; asked to, they
 * show it, flagged.
 */
@IntegrationTest
class AppliedMatchesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void whatAVolunteerAppliedToLeavesTheirMatchesUnlessTheyAskForIt() {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    UUID applied = fixtures.published(organization, 5);
    UUID other = fixtures.published(organization, 5);
    UUID volunteer = fixtures.volunteer();
    fixtures.awaitIndexed(volunteer);
    await("both opportunities among the volunteer's matches")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                page(api, volunteer, organization, "")
                    .keySet()
                    .containsAll(java.util.List.of(applied.toString(), other.toString())));

    fixtures.application(volunteer, applied);

    // the volunteer's indexed document lists what they applied to once the indexer has the change
    await("the application leaves the volunteer's matches")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(page(api, volunteer, organization, ""))
                    .containsKey(other.toString())
                    .doesNotContainKey(applied.toString()));
    assertThat(stream(api, volunteer, organization, ""))
        .containsKey(other.toString())
        .doesNotContainKey(applied.toString());
    Map<String, JsonNode> all = page(api, volunteer, organization, "&includeApplied=true");
    assertThat(all.get(applied.toString()).path("applied").asBoolean()).isTrue();
    assertThat(all.get(other.toString()).path("applied").asBoolean()).isFalse();
    Map<String, JsonNode> streamed = stream(api, volunteer, organization, "&includeApplied=true");
    assertThat(streamed.get(applied.toString()).path("applied").asBoolean()).isTrue();
    assertThat(streamed.get(other.toString()).path("applied").asBoolean()).isFalse();
  }

  @Test
  void includeAppliedThatIsNotABooleanIsABadRequest() {
    Api api = new Api(port);
    UUID volunteer = UUID.randomUUID();
    Api.Response response =
        api.get(
            "/api/volunteers/" + volunteer + "/matches?includeApplied=perhaps",
            Tokens.volunteer(volunteer));
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.text()).contains("includeApplied");
  }

  private static Map<String, JsonNode> page(
      Api api, UUID volunteer, UUID organization, String more) {
    Api.Response response =
        api.get(
            "/api/volunteers/"
                + volunteer
                + "/matches?size=100&organization="
                + organization
                + more,
            Tokens.volunteer(volunteer));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    response.body().path("items").forEach(item -> byId.put(id(item), item));
    return byId;
  }

  private static Map<String, JsonNode> stream(
      Api api, UUID volunteer, UUID organization, String more) {
    Api.Response response =
        api.getEncoded(
            "/api/volunteers/" + volunteer + "/matches/stream?organization=" + organization + more,
            MatchIT.bearer(Tokens.volunteer(volunteer), "application/x-ndjson"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    response
        .text()
        .lines()
        .map(JSON::readTree)
        .filter(line -> line.path("type").asString().equals("hit"))
        .forEach(line -> byId.put(id(line.path("hit")), line.path("hit")));
    return byId;
  }

  private static String id(JsonNode match) {
    return match.path("opportunity").path("id").asString();
  }
}
