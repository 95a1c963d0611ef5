package sa.volunteering.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Ranking requests start from cached documents, and a document the indexer changes is not served
 * from the cache once the indexer has announced it: well before the cache's time to live.
 */
@IntegrationTest
class DocumentCacheIT {

  @LocalServerPort int port;

  @Autowired MeterRegistry meters;

  @Autowired MatchingProperties properties;

  Api api;
  Fixtures fixtures;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new Fixtures(api);
  }

  @Test
  void aVolunteerWhoLeavesHasNoMatchesOnceTheIndexerSaysSo() {
    UUID volunteer = fixtures.volunteer();
    String token = Tokens.volunteer(volunteer);
    String matches = "/api/volunteers/" + volunteer + "/matches";
    await().atMost(Duration.ofSeconds(10)).until(() -> api.get(matches, token).status() == 200);

    double hits = hits();
    assertThat(api.get(matches, token).status()).isEqualTo(200);
    assertThat(hits()).as("the second page started from the cached profile").isGreaterThan(hits);
    double entries = meters.get("matching.document-cache.entries").gauge().value();
    double bytes = meters.get("matching.document-cache.bytes").gauge().value();
    System.out.printf(
        "document cache: %.0f entries, %.0f bytes estimated, %.0f a document%n",
        entries, bytes, bytes / entries);
    assertThat(bytes / entries)
        .as("a cached document's estimated size, against the default bounds' share")
        .isPositive()
        .isLessThan(
            (double) properties.documentCache().maxSize().toBytes()
                / properties.documentCache().maxEntries());

    assertThat(api.delete("/api/volunteers/me", token).status()).isBetween(200, 299);
    await().atMost(wellBeforeTheTimeToLive()).until(() -> api.get(matches, token).status() == 404);
  }

  @Test
  void candidatesFollowAChangeOfTheOpportunityOnceTheIndexerSaysSo() {
    UUID organization = fixtures.organization();
    UUID opportunity = fixtures.published(organization, 5);
    fixtures.volunteer();
    String token = Tokens.member(organization);
    String candidates = "/api/opportunities/" + opportunity + "/candidates";
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                requiredSkills(api.get(candidates, token))
                    .equals(Set.of("crowd_management", "event_organization")));
    double hits = hits();
    assertThat(api.get(candidates, token).status()).isEqualTo(200);
    assertThat(hits())
        .as("the second page started from the cached opportunity")
        .isGreaterThan(hits);

    Map<String, Object> change = new LinkedHashMap<>(Fixtures.opportunityBody(5));
    change.put("requiredSkills", List.of(Map.of("code", "first_aid", "weight", 1.0)));
    change.put("version", api.get("/api/opportunities/" + opportunity, token).version());
    assertThat(api.put("/api/opportunities/" + opportunity, token, change).status()).isEqualTo(200);
    await()
        .atMost(wellBeforeTheTimeToLive())
        .until(() -> requiredSkills(api.get(candidates, token)).equals(Set.of("first_aid")));
  }

  /** The required skills the first card's explanation accounts for, matched or not. */
  private static Set<String> requiredSkills(Api.Response page) {
    Set<String> skills = new HashSet<>();
    JsonNode explanation = page.body().path("items").path(0).path("explanation");
    for (String kind : List.of("matchedSkills", "relatedSkills", "missingSkills")) {
      explanation.path(kind).forEach(code -> skills.add(code.asString()));
    }
    return skills;
  }

  private Duration wellBeforeTheTimeToLive() {
    Duration ttl = properties.documentCache().timeToLive();
    assertThat(ttl).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    return ttl.dividedBy(3);
  }

  private double hits() {
    return meters.counter("matching.document-cache", "result", "hit").count();
  }
}
