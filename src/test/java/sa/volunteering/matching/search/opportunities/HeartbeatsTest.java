package sa.volunteering.matching.search.opportunities;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class HeartbeatsTest {

  private static final OpportunityHit.Label LABEL = new OpportunityHit.Label("x", "x");
  private static final StreamEvent FIRST = new StreamEvent.HitEvent("cursor", new OpportunityHit("id", new OpportunityHit.Text("ع", null),
      new OpportunityHit.Organization("org", new OpportunityHit.Text("ع", null), true), LABEL, LABEL, LABEL, List.of(),
      "2026-12-01T09:00:00Z", "2026-12-02T09:00:00Z", 4, 1, 1, "any", null, null, null, null, java.util.Map.of()));
  private static final StreamEvent LAST = new StreamEvent.Summary(2, true, 0);

  @Test
  void anIdleStreamGetsAHeartbeatEveryIntervalAndNoneAfterItEnds() {
    StepVerifier.withVirtualTime(() -> Heartbeats.around(
            Flux.just(FIRST).concatWith(Mono.delay(Duration.ofSeconds(50)).thenReturn(LAST)), Duration.ofSeconds(15)))
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
    StepVerifier.create(Heartbeats.around(Flux.fromIterable(List.of(FIRST, LAST)), Duration.ofSeconds(15)))
        .expectNext(FIRST, LAST)
        .verifyComplete();
  }

  @Test
  void heartbeatsAreDroppedNotQueuedWhileTheClientIsNotReading() {
    StepVerifier.withVirtualTime(() -> Heartbeats.around(Mono.delay(Duration.ofSeconds(100)).thenReturn(LAST).flux(), Duration.ofSeconds(1)), 0)
        .thenAwait(Duration.ofSeconds(100))
        .thenRequest(Long.MAX_VALUE)
        .recordWith(java.util.ArrayList::new)
        .thenConsumeWhile(event -> true)
        .consumeRecordedWith(events -> org.assertj.core.api.Assertions.assertThat(events)
            .as("a hundred intervals passed unread: at most one heartbeat waited, and the summary ends the stream")
            .hasSizeBetween(1, 2).last().isEqualTo(LAST))
        .verifyComplete();
  }
}
