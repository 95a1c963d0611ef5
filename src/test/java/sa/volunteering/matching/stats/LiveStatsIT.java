package sa.volunteering.matching.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.RawStream;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live indicators: the totals now, then the new totals once verified hours are folded in, never
 * more than once a second.
 */
@IntegrationTest
class LiveStatsIT {

  /** A month no other test works in. */
  private static final String MONTH = "2019-06";

  @LocalServerPort int port;

  @Autowired JsonMapper json;

  @Autowired StatsProperties properties;

  @Autowired IndicatorFolder folder;

  record Event(long receivedNanos, JsonNode summary) {}

  @Test
  void verifiedHoursReachTheStreamAsNewTotals() throws Exception {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    UUID opportunity = fixtures.published(organization, 10);
    List<UUID> people = new ArrayList<>();
    List<UUID> applications = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      UUID volunteer = fixtures.volunteer();
      UUID application = fixtures.application(volunteer, opportunity);
      fixtures.accept(organization, application);
      people.add(volunteer);
      applications.add(application);
    }

    folder.drain().block(Duration.ofMinutes(2));
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    try (RawStream stream =
        new RawStream(
            port,
            Api.query("/api/stats/live", "from", MONTH, "to", MONTH),
            "text/event-stream",
            64 * 1024)) {
      assertThat(stream.status()).isEqualTo(200);
      Thread reader = Thread.ofVirtual().start(() -> read(stream, events));
      Event first = events.poll(10, TimeUnit.SECONDS);
      assertThat(first).as("the totals as they are, at once").isNotNull();
      JsonNode before = first.summary().path("indicators");

      verify(api, organization, people.get(0), applications.get(0), 3.5);
      Event next = events.poll(10, TimeUnit.SECONDS);
      assertThat(next).as("new totals after verified hours").isNotNull();
      JsonNode after = next.summary().path("indicators");
      assertThat(
              after
                  .path("verifiedHours")
                  .decimalValue()
                  .subtract(before.path("verifiedHours").decimalValue()))
          .isEqualByComparingTo("3.5");
      assertThat(
              after.path("uniqueActiveVolunteers").asLong()
                  - before.path("uniqueActiveVolunteers").asLong())
          .isEqualTo(1);

      for (int i = 1; i < 4; i++) {
        verify(api, organization, people.get(i), applications.get(i), 2);
      }
      List<Event> burst = new ArrayList<>();
      long quiet = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < quiet) {
        Event event = events.poll(100, TimeUnit.MILLISECONDS);
        if (event != null) {
          burst.add(event);
          if (event.summary().path("indicators").path("uniqueActiveVolunteers").asLong()
              == before.path("uniqueActiveVolunteers").asLong() + 4) {
            break;
          }
        }
      }
      assertThat(burst).as("the last totals arrive").isNotEmpty();
      JsonNode last = burst.getLast().summary().path("indicators");
      assertThat(
              last.path("verifiedHours")
                  .decimalValue()
                  .subtract(before.path("verifiedHours").decimalValue()))
          .isEqualByComparingTo("9.5");
      assertThat(
              last.path("uniqueActiveVolunteers").asLong()
                  - before.path("uniqueActiveVolunteers").asLong())
          .isEqualTo(4);
      long previous = next.receivedNanos();
      for (Event event : burst) {
        assertThat(Duration.ofNanos(event.receivedNanos() - previous))
            .as("at most one update per " + properties.liveEvery())
            .isGreaterThanOrEqualTo(properties.liveEvery().minusMillis(100));
        previous = event.receivedNanos();
      }
      reader.interrupt();
    }
  }

  private void read(RawStream stream, BlockingQueue<Event> events) {
    try {
      boolean indicators = false;
      for (String line = stream.line(); line != null; line = stream.line()) {
        if (line.equals("event: indicators")) {
          indicators = true;
        } else if (indicators && line.startsWith("data: ")) {
          events.add(
              new Event(System.nanoTime(), json.readTree(line.substring("data: ".length()))));
          indicators = false;
        }
      }
    } catch (IOException closed) {
      // the test is over
    }
  }

  private static void verify(
      Api api, UUID organization, UUID volunteer, UUID application, double hours) {
    Api.Response logged =
        api.post(
            "/api/applications/" + application + "/hours",
            Tokens.member(organization),
            Map.of("workedOn", MONTH + "-15", "hours", hours));
    assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    Api.Response verified =
        api.post("/api/hours/" + logged.id() + "/verify", Tokens.volunteer(volunteer), null);
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
  }
}
