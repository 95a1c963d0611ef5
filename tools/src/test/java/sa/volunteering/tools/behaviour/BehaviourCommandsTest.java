package sa.volunteering.tools.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class BehaviourCommandsTest {

  @Test
  void sinceIsAnInstantThirtyDaysAgoWhenNotGivenAndNullWhenMalformed() {
    assertThat(
            BehaviourCommands.since(
                new DefaultApplicationArguments("--since=2026-12-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    Instant fallback = BehaviourCommands.since(new DefaultApplicationArguments());
    assertThat(fallback).isNotNull();
    assertThat(Duration.between(fallback, Instant.now()).toHours()).isCloseTo(30 * 24L, within(1L));
    assertThat(BehaviourCommands.since(new DefaultApplicationArguments("--since=yesterday")))
        .isNull();
    assertThat(BehaviourCommands.since(new DefaultApplicationArguments("--since=2026-12-01")))
        .as("a date without a time")
        .isNull();
  }
}
