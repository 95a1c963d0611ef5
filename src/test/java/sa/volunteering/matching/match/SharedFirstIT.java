package sa.volunteering.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HitsMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * A page of candidates is read first among the volunteers who have a required skill, or a related
 * skill and the opportunity's field, then among those who share a skill, a related skill or the
 * field; an answer is used only as the whole query's page: same volunteers, same order, same
 * scores, same total, whether many or few are scored first. When none can be (nobody shares
 * anything), the whole query answers.
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

  /** Fewer than {@link MatchService#TOTAL_COUNTED_UP_TO} volunteers share carpentry or media. */
  final Map<String, Object> carpentry =
      MatchDocuments.with(
          opportunity,
          "field_code",
          "media",
          "skill_codes",
          List.of("carpentry"),
          "required_skills",
          List.of(Map.of("code", "carpentry", "weight", 1.0, "share", 1.0)));

  /** Nobody has paramedic skills: pages come from those with a related skill and its field. */
  final Map<String, Object> paramedic =
      MatchDocuments.with(
          opportunity,
          "skill_codes",
          List.of("paramedic"),
          "required_skills",
          List.of(Map.of("code", "paramedic", "weight", 1.0, "share", 1.0)));

  /**
   * Paramedic work in media: scored first are the first-aiders in media, all far away; first-aiders
   * in health close by score more without being scored first.
   */
  final Map<String, Object> paramedicInMedia =
      MatchDocuments.with(paramedic, "field_code", "media");

  /**
   * The same for men only: thirty men are eligible, ten of them first-aiders in media, too few to
   * fill a page from set 1; set 2 (all thirty) would prove its page.
   */
  final Map<String, Object> paramedicInMediaForMen =
      MatchDocuments.with(paramedicInMedia, "gender", "male");

  /**
   * Translation work for Arabic speakers: the translators, all English-speaking, far away, long
   * inactive and with a poor record, score less than the strangers whose history is in its field
   * and organization.
   */
  final Map<String, Object> translation =
      MatchDocuments.with(
          opportunity,
          "field_code",
          "translation",
          "languages",
          List.of("ar"),
          "skill_codes",
          List.of("translation_ar_en"),
          "required_skills",
          List.of(Map.of("code", "translation_ar_en", "weight", 1.0, "share", 1.0)));

  /** Of another organization: nobody has verified hours with it. */
  final Map<String, Object> lonely =
      MatchDocuments.with(
          opportunity,
          "organization",
          Map.of("id", UUID.randomUUID().toString(), "name", "جهة أخرى\nAnother", "verified", true),
          "field_code",
          "no_such_field",
          "skill_codes",
          List.of("no_such_skill"),
          "required_skills",
          List.of(Map.of("code", "no_such_skill", "weight", 1.0, "share", 1.0)));

  /**
   * Volunteers who share first aid or health with the opportunity, at many distances and with many
   * hours; strangers (no skill or field in common) who are as close and experienced as anyone, with
   * verified hours in the opportunity's field and organization and a near-perfect track record; and
   * nurses (a skill related to first aid) as close and experienced, half of them in health, the
   * others in media; first-aiders in media, in another city 25 km away; and thirty men, all
   * first-aiders 25 km away, ten in media in the other city and twenty in health in Riyadh.
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
              0.95,
              "served_fields",
              List.of("health", "translation"),
              "served_organizations",
              List.of(organization.toString()),
              "track_record",
              0.99));
    }
    for (int i = 0; i < 40; i++) {
      volunteers.add(
          MatchDocuments.with(
              base,
              "skill_codes",
              List.of("nursing"),
              "field_codes",
              i % 2 == 0 ? List.of("health") : List.of("media"),
              "location",
              MatchDocuments.fromRiyadh(0, i * 9),
              "verified_hours",
              400.0,
              "experience",
              0.94));
    }
    for (int i = 0; i < 25; i++) {
      volunteers.add(
          MatchDocuments.with(
              base,
              "skill_codes",
              List.of("first_aid"),
              "field_codes",
              List.of("media"),
              "city_code",
              "diriyah",
              "location",
              MatchDocuments.fromRiyadh(25, i * 14)));
    }
    for (int i = 0; i < 30; i++) {
      volunteers.add(
          MatchDocuments.with(
              base,
              "gender",
              "male",
              "skill_codes",
              List.of("first_aid"),
              "field_codes",
              i < 10 ? List.of("media") : List.of("health"),
              "city_code",
              i < 10 ? "diriyah" : "riyadh",
              "location",
              MatchDocuments.fromRiyadh(25, i * 12)));
    }
    for (int i = 0; i < 25; i++) {
      volunteers.add(
          MatchDocuments.with(
              base,
              "skill_codes",
              List.of("translation_ar_en"),
              "field_codes",
              List.of("media"),
              "city_code",
              "diriyah",
              "location",
              MatchDocuments.fromRiyadh(28, i * 14),
              "last_active_at",
              Instant.now().minus(Duration.ofDays(900)).toString(),
              "track_record",
              0.4));
    }
    documents.write(MatchDocuments.VOLUNTEERS, volunteers);
    documents.write(
        MatchDocuments.OPPORTUNITIES,
        List.of(
            opportunity,
            carpentry,
            paramedic,
            paramedicInMedia,
            paramedicInMediaForMen,
            translation,
            lonely));
  }

  @AfterAll
  void removeDocuments() {
    documents.removeAll();
  }

  @Test
  void pagesComeFromThoseWhoShareSomethingAndAreTheWholeQuerysPages() throws IOException {
    for (Map<String, Object> ranked : List.of(opportunity, carpentry, paramedic)) {
      for (int page = 0; page < 3; page++) {
        double first = answers("set-1");
        Api.Response response = candidates(ranked, page);
        assertThat(answers("set-1"))
            .as("page %d answered by the narrowest set", page)
            .isEqualTo(first + 1);
        assertSameAsTheWholeQuery(ranked, page, response);
      }
    }
  }

  @Test
  void whenNobodySharesAnythingTheWholeQueryAnswers() throws IOException {
    double whole = answers("whole");
    Api.Response response = candidates(lonely, 0);
    assertThat(answers("whole")).isEqualTo(whole + 1);
    assertThat(response.body().path("items").size()).isPositive();
    assertSameAsTheWholeQuery(lonely, 0, response);
  }

  @Test
  void whenOthersCouldOutscoreThePageTheBroaderSetAnswersWithTheWholeQuerysPage()
      throws IOException {
    double first = answers("set-1");
    double second = answers("set-2");
    double whole = answers("whole");
    Api.Response response = candidates(paramedicInMedia, 0);
    assertThat(answers("set-1")).isEqualTo(first);
    assertThat(answers("set-2")).isEqualTo(second + 1);
    assertThat(answers("whole")).isEqualTo(whole);
    assertSameAsTheWholeQuery(paramedicInMedia, 0, response);
    assertThat(response.body().path("items").get(0).path("distanceKm").asDouble())
        .as("a first-aider in health close by, not in the narrowest set, tops the page")
        .isLessThan(24);
  }

  @Test
  void volunteersWhoseHistoryEarnsSomethingAreScoredInTheSets() throws IOException {
    double whole = answers("whole");
    Api.Response response = candidates(translation, 0);
    assertThat(answers("whole"))
        .as("the strangers with verified hours in its field and organization are in the sets")
        .isEqualTo(whole);
    assertSameAsTheWholeQuery(translation, 0, response);
    assertThat(response.body().path("items").get(0).path("explanation").path("matchedSkills"))
        .as("a stranger with verified hours in the field and with the organization tops the page")
        .isEmpty();
  }

  @Test
  void whenFewAreEligibleTheWholeQueryAnswersRightAfterTheNarrowestSet() throws IOException {
    double first = answers("set-1");
    double second = answers("set-2");
    double whole = answers("whole");
    Api.Response response = candidates(paramedicInMediaForMen, 0);
    assertThat(answers("set-1")).isEqualTo(first);
    assertThat(answers("set-2")).as("no broader set asked").isEqualTo(second);
    assertThat(answers("whole")).isEqualTo(whole + 1);
    assertThat(response.body().path("total").asLong())
        .as("the thirty men, and any other man another test left in reach")
        .isBetween(30L, MatchService.TOTAL_COUNTED_UP_TO - 1L);
    assertThat(response.body().path("items").size()).isEqualTo(20);
    assertSameAsTheWholeQuery(paramedicInMediaForMen, 0, response);
  }

  private void assertSameAsTheWholeQuery(
      Map<String, Object> ranked, int page, Api.Response response) throws IOException {
    Query whole = queries.candidatesFor(OpportunityDoc.of(ranked), Instant.now());
    HitsMetadata<Void> hits =
        elasticsearch
            .search(
                s ->
                    s.index(MatchDocuments.VOLUNTEERS)
                        .query(whole)
                        .from(page * 20)
                        .size(20)
                        .trackTotalHits(t -> t.count(MatchService.TOTAL_COUNTED_UP_TO))
                        .source(source -> source.fetch(false)),
                Void.class)
            .hits();
    List<JsonNode> cards = new ArrayList<>();
    response.body().path("items").forEach(cards::add);
    assertThat(cards).hasSameSizeAs(hits.hits());
    for (int i = 0; i < cards.size(); i++) {
      assertThat(cards.get(i).path("score").asDouble())
          .isCloseTo(hits.hits().get(i).score(), within(0.001));
    }
    assertThat(
            tied(
                cards.stream().map(card -> card.path("volunteerId").asString()).toList(),
                cards.stream().map(card -> card.path("score").asDouble()).toList()))
        .as(
            "the same volunteers in the same order, but for ties in the last place (sums in single precision)")
        .isEqualTo(
            tied(
                hits.hits().stream().map(Hit::id).toList(),
                hits.hits().stream().map(hit -> Objects.requireNonNull(hit.score())).toList()));
    assertThat(response.body().path("total").asLong())
        .isEqualTo(Objects.requireNonNull(hits.total()).value());
  }

  /**
   * The ids grouped by score (to 0.0001), in order; the group of the page's last score only by its
   * size, since it may go on beyond the page.
   */
  private static List<Object> tied(List<String> ids, List<Double> scores) {
    Map<Long, Set<String>> groups = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      groups
          .computeIfAbsent(Math.round(scores.get(i) * 10_000), score -> new HashSet<>())
          .add(ids.get(i));
    }
    List<Object> tied = new ArrayList<>(groups.values());
    if (!tied.isEmpty()) {
      tied.set(tied.size() - 1, ((Set<?>) tied.getLast()).size());
    }
    return tied;
  }

  private Api.Response candidates(Map<String, Object> ranked, int page) {
    Api.Response response =
        api.getEncoded(
            Api.query(
                "/api/opportunities/" + ranked.get("id") + "/candidates", "page", page, "size", 20),
            MatchIT.bearer(Tokens.admin(), "application/json"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response;
  }

  private double answers(String by) {
    return PageAnswers.timer(meters, Direction.CANDIDATES, by).count();
  }
}
