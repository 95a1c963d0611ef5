package sa.volunteering.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import sa.volunteering.matching.taxonomy.TaxonomyFiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidate weights, when configured (a fitted file gives them), rank candidates and only
 * candidates; without them one set ranks both.
 */
class WeightsByDirectionTest {

  private static final SkillRelations RELATIONS =
      new SkillRelations(TaxonomyFiles.read(JsonMapper.builder().build()));

  @Test
  void candidateWeightsScoreCandidatesAndTheirBoundsOnly() {
    MatchingProperties properties =
        properties(
            Map.of(
                "app.matching.weights.city", "2.0", "app.matching.candidate-weights.city", "3.0"));
    MatchScorer scorer = new MatchScorer(properties, RELATIONS);
    Instant now = Instant.now();
    VolunteerDoc volunteer = volunteer();
    OpportunityDoc opportunity = opportunity(now);

    assertThat(city(scorer.explain(volunteer, opportunity, Direction.CANDIDATES, now)))
        .isCloseTo(3.0, within(1e-9));
    assertThat(city(scorer.explain(volunteer, opportunity, Direction.OPPORTUNITIES, now)))
        .isCloseTo(2.0, within(1e-9));

    MatchQueries queries = new MatchQueries(properties, RELATIONS);
    MatchQueries defaults = new MatchQueries(properties(Map.of()), RELATIONS);
    assertThat(queries.candidatesFor(opportunity, now).toString()).contains("\"boost\":3.0");
    assertThat(defaults.candidatesFor(opportunity, now).toString()).doesNotContain("\"boost\":3.0");
    assertThat(queries.candidatesScoredFirst(opportunity).getLast().othersAtMost())
        .as("the bound outside the sets counts the candidates' city weight")
        .isCloseTo(
            defaults.candidatesScoredFirst(opportunity).getLast().othersAtMost() + 2.0,
            within(1e-9));
    assertThat(queries.opportunitiesScoredFirst(volunteer).getLast().othersAtMost())
        .isCloseTo(
            defaults.opportunitiesScoredFirst(volunteer).getLast().othersAtMost() + 1.0,
            within(1e-9));
  }

  @Test
  void withoutCandidateWeightsOneSetRanksBoth() {
    MatchingProperties properties = properties(Map.of("app.matching.weights.city", "2.0"));
    assertThat(properties.weights(Direction.CANDIDATES)).isSameAs(properties.weights());
    assertThat(properties.weights(Direction.OPPORTUNITIES)).isSameAs(properties.weights());
  }

  /** A first-aider in Riyadh. */
  private static VolunteerDoc volunteer() {
    return VolunteerDoc.of(
        Map.ofEntries(
            Map.entry("id", UUID.randomUUID().toString()),
            Map.entry("city_code", "riyadh"),
            Map.entry("location", Map.of("lat", 24.7136, "lon", 46.6753)),
            Map.entry("skill_codes", List.of("first_aid")),
            Map.entry("field_codes", List.of("health")),
            Map.entry("languages", List.of("ar")),
            Map.entry("travel_km", 50),
            Map.entry("remote_ok", true),
            Map.entry("gender", "male"),
            Map.entry("birth_year", 1995)));
  }

  /** First aid in Riyadh, in a week. */
  private static OpportunityDoc opportunity(Instant now) {
    return OpportunityDoc.of(
        Map.ofEntries(
            Map.entry("id", UUID.randomUUID().toString()),
            Map.entry("organization", Map.of("id", UUID.randomUUID().toString(), "verified", true)),
            Map.entry("field_code", "health"),
            Map.entry("city_code", "riyadh"),
            Map.entry("location", Map.of("lat", 24.72, "lon", 46.68)),
            Map.entry("mode", "on_site"),
            Map.entry("starts_at", now.plus(7, ChronoUnit.DAYS).toString()),
            Map.entry("ends_at", now.plus(9, ChronoUnit.DAYS).toString()),
            Map.entry("required_skills", List.of(Map.of("code", "first_aid", "share", 1.0))),
            Map.entry("languages", List.of("ar")),
            Map.entry("seats_left", 5),
            Map.entry("capacity_left", 0.5),
            Map.entry("gender", "any"),
            Map.entry("status", "published"),
            Map.entry("published_at", now.minus(1, ChronoUnit.DAYS).toString())));
  }

  private static double city(Explanation explanation) {
    return explanation.components().stream()
        .filter(component -> component.name().equals("city"))
        .findFirst()
        .orElseThrow()
        .points();
  }

  private static MatchingProperties properties(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("app.matching", MatchingProperties.class);
  }
}
