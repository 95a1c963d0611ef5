package sa.volunteering.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sa.volunteering.matching.indexing.OutboxIndexer;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organization may see its applicants first among an opportunity's candidates, ranked among
 * themselves by the model, with the model's scores and explanations; by default they are flagged
 * where they rank.
 */
@IntegrationTest
class ApplicantsFirstIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Autowired OutboxIndexer indexer;

  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void applicantsComeFirstWhenTheOrganizationAsksAndKeepTheirScores() throws IOException {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    UUID opportunity = fixtures.published(organization, 5);
    UUID unskilled = fixtures.volunteer(List.of(), List.of("media"));
    UUID halfSkilled = fixtures.volunteer(List.of("crowd_management"), List.of("media"));
    UUID bystander = fixtures.volunteer();
    fixtures.application(unskilled, opportunity);
    fixtures.application(halfSkilled, opportunity);
    indexer.drain().block(Duration.ofSeconds(60));
    elasticsearch
        .indices()
        .refresh(r -> r.index(MatchDocuments.OPPORTUNITIES, MatchDocuments.VOLUNTEERS));
    String member = Tokens.member(organization);

    List<JsonNode> flagged = page(api, opportunity, member, "");
    assertThat(flagged.getFirst().path("applied").asBoolean())
        .as("by the model, a volunteer with every skill and the field (%s) ranks first", bystander)
        .isFalse();

    List<JsonNode> first = page(api, opportunity, member, "&applicants=first");
    assertThat(ids(first).subList(0, 2))
        .as("applicants first, ranked among themselves by the model")
        .containsExactly(halfSkilled.toString(), unskilled.toString());
    assertThat(first.subList(0, 2)).allMatch(card -> card.path("applied").asBoolean());
    assertThat(first.get(2).path("applied").asBoolean()).isFalse();
    Map<String, JsonNode> byModel = byId(flagged);
    for (JsonNode card : first) {
      JsonNode same = byModel.get(card.path("volunteerId").asString());
      if (same != null) {
        assertThat(card.path("score").asDouble())
            .as("the model's score, not the lift")
            .isCloseTo(same.path("score").asDouble(), within(0.001));
      }
      double points = 0;
      for (JsonNode component : card.path("explanation").path("components")) {
        assertThat(component.path("name").asString()).isNotEqualTo(MatchQueries.APPLICANT);
        points += component.path("points").asDouble();
      }
      assertThat(points).isCloseTo(card.path("score").asDouble(), within(0.001));
    }

    Api.Response stream =
        api.getEncoded(
            "/api/opportunities/" + opportunity + "/candidates/stream?applicants=first&limit=3",
            MatchIT.bearer(member, "application/x-ndjson"));
    assertThat(stream.status()).as(stream.toString()).isEqualTo(200);
    List<String> streamed =
        stream
            .text()
            .lines()
            .map(JSON::readTree)
            .filter(line -> line.path("type").asString().equals("hit"))
            .map(line -> line.path("hit").path("volunteerId").asString())
            .toList();
    assertThat(streamed.subList(0, 2))
        .containsExactly(halfSkilled.toString(), unskilled.toString());
  }

  @Test
  void anyOtherOrderIsABadRequestNamingTheParameter() {
    Api api = new Api(port);
    UUID organization = UUID.randomUUID();
    Api.Response response =
        api.get(
            "/api/opportunities/" + UUID.randomUUID() + "/candidates?applicants=last",
            Tokens.member(organization));
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.text()).contains("applicants");
  }

  /** The first page of candidates, as many as a page may hold. */
  private static List<JsonNode> page(Api api, UUID opportunity, String member, String more) {
    Api.Response response =
        api.getEncoded(
            "/api/opportunities/" + opportunity + "/candidates?size=100" + more,
            MatchIT.bearer(member, "application/json"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<JsonNode> cards = new ArrayList<>();
    response.body().path("items").forEach(cards::add);
    return cards;
  }

  private static List<String> ids(List<JsonNode> cards) {
    return cards.stream().map(card -> card.path("volunteerId").asString()).toList();
  }

  private static Map<String, JsonNode> byId(List<JsonNode> cards) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    cards.forEach(card -> byId.put(card.path("volunteerId").asString(), card));
    return byId;
  }
}
