package sa.volunteering.matching.search.stream;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class HeartbeatsTest {

  private static final StreamEvent FIRST =
      new StreamEvent.HitEvent("cursor", java.util.Map.of("id", "1"));
  private static final StreamEvent LAST = new StreamEvent.Summary(2, true, 0);

  @Test
  void anIdleStreamGetsAHeartbeatEveryIntervalAndNoneAfterItEnds() {
    StepVerifier.withVirtualTime(
            () ->
                Heartbeats.around(
                    Flux.just(FIRST)
                        .concatWith(Mono.delay(Duration.ofSeconds(50)).thenReturn(LAST)),
                    Duration.ofSeconds(15)))
        .expectNext(FIRST)
        .expectNoEvent(Duration.ofSeconds(15))
        .expectNext(new StreamEvent.Heartbeat())
        .thenAwait(Duration.ofSeconds(30))
        .expectNext(new StreamEvent.Heartbeat(), new StreamEvent.Heartbeat())
        .thenAwait(Duration.ofSeconds(5))
        .expectNext(LAST)
        .verifyComplete();
  }

  @Test
  void aBusyStreamPassesThroughInOrder() {
    StepVerifier.create(
            Heartbeats.around(Flux.fromIterable(List.of(FIRST, LAST)), Duration.ofSeconds(15)))
        .expectNext(FIRST, LAST)
        .verifyComplete();
  }

  @Test
  void heartbeatsAreDroppedNotQueuedWhileTheClientIsNotReading() {
    StepVerifier.withVirtualTime(
            () ->
                Heartbeats.around(
                    Mono.delay(Duration.ofSeconds(100)).thenReturn(LAST).flux(),
                    Duration.ofSeconds(1)),
            0)
        .thenAwait(Duration.ofSeconds(100))
        .thenRequest(Long.MAX_VALUE)
        .recordWith(java.util.ArrayList::new)
        .thenConsumeWhile(event -> true)
        .consumeRecordedWith(
            events ->
                org.assertj.core.api.Assertions.assertThat(events)
                    .as(
                        "a hundred intervals passed unread: at most one heartbeat waited, and the summary ends the stream")
                    .hasSizeBetween(1, 2)
                    .last()
                    .isEqualTo(LAST))
        .verifyComplete();
  }
}
