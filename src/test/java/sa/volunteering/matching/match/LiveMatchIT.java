package sa.volunteering.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sa.volunteering.matching.indexing.OutboxIndexer;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.RawStream;
import sa.volunteering.matching.support.Tokens;

/**
 * Live matches: publishing an opportunity reaches a matching volunteer's stream, and not a
 * non-matching one's.
 */
@IntegrationTest
class LiveMatchIT {

  @LocalServerPort int port;

  @Autowired OutboxIndexer indexer;

  @Autowired LiveMatches live;

  @Test
  void aPublishedOpportunityReachesTheVolunteerItMatchesAndNoOneElse() throws Exception {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID matching = fixtures.volunteer();
    UUID other = UUID.randomUUID();
    Map<String, Object> man = new HashMap<>(Fixtures.profileBody(null));
    man.put("gender", "male");
    assertThat(
            api.post(
                    "/api/volunteers",
                    Tokens.volunteer(other),
                    Map.of("nationalId", Fixtures.nationalId(), "profile", man))
                .status())
        .isEqualTo(201);
    UUID organization = fixtures.organization();
    indexer.drain().block(Duration.ofSeconds(60));

    // stopped and started again, as Spring's test framework pauses an idle context (and an operator
    // may):
    // live matches must work after a restart
    live.stop();
    live.start();
    try (RawStream forMatching =
            new RawStream(
                port,
                "/api/volunteers/" + matching + "/matches/live",
                "text/event-stream",
                64 * 1024,
                Tokens.volunteer(matching));
        RawStream forOther =
            new RawStream(
                port,
                "/api/volunteers/" + other + "/matches/live",
                "text/event-stream",
                64 * 1024,
                Tokens.volunteer(other))) {
      assertThat(forMatching.status()).isEqualTo(200);
      assertThat(forOther.status()).isEqualTo(200);
      // the head and a first heartbeat come as soon as a stream follows, not with its first match
      forMatching.timeout(Duration.ofSeconds(5));
      forOther.timeout(Duration.ofSeconds(5));
      assertThat(forMatching.line()).isEqualTo(": heartbeat");
      assertThat(forOther.line()).isEqualTo(": heartbeat");

      Map<String, Object> body = new HashMap<>(Fixtures.opportunityBody(10));
      body.put("gender", "female");
      Api.Response draft =
          api.post(
              "/api/organizations/" + organization + "/opportunities",
              Tokens.member(organization),
              body);
      long published = System.nanoTime();
      assertThat(
              api.post(
                      "/api/opportunities/" + draft.id() + "/publish",
                      Tokens.member(organization),
                      null)
                  .status())
          .isEqualTo(200);

      forMatching.timeout(Duration.ofSeconds(15));
      String data = null;
      for (String line = forMatching.line(); line != null; line = forMatching.line()) {
        if (line.startsWith("data:") && line.contains(draft.id())) {
          data = line;
          break;
        }
      }
      long millis = (System.nanoTime() - published) / 1_000_000;
      System.out.printf("live match: event %d ms after the publish call%n", millis);
      assertThat(data).as("the matching volunteer hears of the opportunity").isNotNull();
      assertThat(data).contains("\"explanation\"");

      Thread.sleep(1_500);
      StringBuilder received = new StringBuilder();
      if (forOther.pending()) {
        forOther.timeout(Duration.ofSeconds(1));
        try {
          for (String line = forOther.line(); line != null; line = forOther.line()) {
            received.append(line).append('\n');
          }
        } catch (java.net.SocketTimeoutException drained) {
          // all that had arrived is read
        }
      }
      assertThat(received.toString())
          .as("the volunteer the opportunity is not open to gets keep-alives at most")
          .doesNotContain("event: hit")
          .doesNotContain(draft.id());
    }
  }

  /**
   * This context's own count: test contexts with other settings run their own LiveMatches, and a
   * gauge of the same name registered in a shared registry would report the first one's.
   */
}
