package sa.volunteering.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * A page of candidates is read first among the volunteers who share a skill, a related skill or the
 * field with the opportunity, and that answer is the whole query's page: same volunteers, same
 * order, same scores. When it cannot be (too few share anything), the whole query answers.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedFirstIT {

  private static final int SHARING = MatchService.TOTAL_COUNTED_UP_TO + 50;

  @LocalServerPort int port;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired MatchQueries queries;

  @Autowired MeterRegistry meters;

  Api api;
  MatchDocuments documents;
  final UUID organization = UUID.randomUUID();
  final Map<String, Object> opportunity = MatchDocuments.opportunity(organization.toString());
  final Map<String, Object> lonely =
      MatchDocuments.with(
          opportunity,
          "field_code",
          "no_such_field",
          "skill_codes",
          List.of("no_such_skill"),
          "required_skills",
          List.of(Map.of("code", "no_such_skill", "weight", 1.0, "share", 1.0)));

  /**
   * Volunteers who share first aid or health with the opportunity, at many distances and with many
   * hours; and strangers (no skill or field in common) who are as close and experienced as anyone.
   */
  @BeforeAll
  void writeDocuments() {
    api = new Api(port);
    documents = new MatchDocuments(elasticsearch);
    Map<String, Object> base = MatchDocuments.volunteer();
    List<Map<String, Object>> volunteers = new ArrayList<>();
    for (int i = 0; i < SHARING; i++) {
      double hours = i % 7 * 20;
      volunteers.add(
          MatchDocuments.with(
              base,
              "skill_codes",
              i % 3 == 0 ? List.of("carpentry") : List.of("first_aid"),
              "location",
              MatchDocuments.fromRiyadh(i % 25, i % 360),
              "verified_hours",
              hours,
              "experience",
              hours / (hours + 25)));
    }
    for (int i = 0; i < 30; i++) {
      volunteers.add(
          MatchDocuments.with(
              base,
              "skill_codes",
              List.of("carpentry"),
              "field_codes",
              List.of("media"),
              "verified_hours",
              500.0,
              "experience",
              0.95));
    }
    documents.write(MatchDocuments.VOLUNTEERS, volunteers);
    documents.write(MatchDocuments.OPPORTUNITIES, List.of(opportunity, lonely));
  }

  @AfterAll
  void removeDocuments() {
    documents.removeAll();
  }

  @Test
  void theFirstPagesComeFromThoseWhoShareSomethingAndAreTheWholeQuerysPages() throws IOException {
    for (int page = 0; page < 3; page++) {
      double shared = answers("shared");
      List<JsonNode> cards = candidates(opportunity, page);
      assertThat(answers("shared"))
          .as("page %d answered among those sharing", page)
          .isEqualTo(shared + 1);
      assertSameAsTheWholeQuery(opportunity, page, cards);
    }
  }

  @Test
  void whenTooFewShareAnythingTheWholeQueryAnswers() throws IOException {
    double whole = answers("whole");
    List<JsonNode> cards = candidates(lonely, 0);
    assertThat(answers("whole")).isEqualTo(whole + 1);
    assertThat(cards).isNotEmpty();
    assertSameAsTheWholeQuery(lonely, 0, cards);
  }

  private void assertSameAsTheWholeQuery(Map<String, Object> ranked, int page, List<JsonNode> cards)
      throws IOException {
    Query whole = queries.candidatesFor(OpportunityDoc.of(ranked), Instant.now());
    List<Hit<Void>> hits =
        elasticsearch
            .search(
                s ->
                    s.index(MatchDocuments.VOLUNTEERS)
                        .query(whole)
                        .from(page * 20)
                        .size(20)
                        .source(source -> source.fetch(false)),
                Void.class)
            .hits()
            .hits();
    assertThat(cards.stream().map(card -> card.path("volunteerId").asString()).toList())
        .isEqualTo(hits.stream().map(Hit::id).toList());
    for (int i = 0; i < hits.size(); i++) {
      assertThat(cards.get(i).path("score").asDouble())
          .isCloseTo(hits.get(i).score(), within(0.001));
    }
  }

  private List<JsonNode> candidates(Map<String, Object> ranked, int page) {
    Api.Response response =
        api.getEncoded(
            Api.query(
                "/api/opportunities/" + ranked.get("id") + "/candidates", "page", page, "size", 20),
            MatchIT.bearer(Tokens.member(organization), "application/json"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<JsonNode> cards = new ArrayList<>();
    response.body().path("items").forEach(cards::add);
    return cards;
  }

  private double answers(String by) {
    return meters.counter("matching.pages", "answered-by", by).count();
  }
}
