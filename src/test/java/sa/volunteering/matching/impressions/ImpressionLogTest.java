package sa.volunteering.matching.impressions;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

class ImpressionLogTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void beyondItsBufferAnInstanceDropsImpressionsAndCountsThem() {
    ImpressionLog log = log(true, 5);
    log.record(impressions(8));
    assertThat(meters.get("impressions.waiting").gauge().value()).isEqualTo(5);
    assertThat(meters.get("impressions.dropped").counter().count()).isEqualTo(3);
  }

  @Test
  void turnedOffNothingIsQueued() {
    ImpressionLog log = log(false, 5);
    log.record(impressions(2));
    assertThat(meters.get("impressions.waiting").gauge().value()).isZero();
    assertThat(meters.get("impressions.dropped").counter().count()).isZero();
  }

  /** A log whose database is never reached: queuing does not touch it. */
  private ImpressionLog log(boolean enabled, int buffer) {
    DatabaseClient unreachable =
        DatabaseClient.create(
            ConnectionFactories.get("r2dbc:postgresql://nobody@127.0.0.1:1/none"));
    return new ImpressionLog(
        unreachable,
        new ImpressionProperties(
            enabled,
            buffer,
            100,
            Duration.ofSeconds(1),
            20,
            Duration.ofDays(30),
            Duration.ofHours(1),
            1000),
        meters);
  }

  private static List<Impression> impressions(int count) {
    List<Impression> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(
          new Impression(
              Instant.now(),
              UUID.randomUUID(),
              "candidates",
              UUID.randomUUID().toString(),
              UUID.randomUUID().toString(),
              i + 1,
              1.0,
              Map.of("skills", 1.0)));
    }
    return all;
  }
}
