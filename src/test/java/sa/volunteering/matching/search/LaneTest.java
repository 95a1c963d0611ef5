package sa.volunteering.matching.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class LaneTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void aFullLaneQueuesThenRefusesWithA503ThatSaysWhenToRetry() {
    Lane lane =
        new Lane(
            "search",
            new LaneProperties(1, 1, Duration.ofMillis(300), Duration.ofSeconds(30)),
            meters);
    Sinks.One<String> first = Sinks.one();
    Disposable running = lane.run(first.asMono()).subscribe();
    Mono<String> queued = lane.run(Mono.just("second"));
    StepVerifier.create(queued)
        .then(
            () ->
                StepVerifier.create(lane.run(Mono.just("third")))
                    .expectErrorSatisfies(error -> assertProblem(error, 503, "1"))
                    .verify(Duration.ofSeconds(5)))
        .then(() -> first.tryEmitValue("first"))
        .expectNext("second")
        .verifyComplete();
    running.dispose();
    assertThat(meters.get("elasticsearch.lane.refused").counter().count()).isEqualTo(1);
  }

  @Test
  void aCallWaitingLongerThanItsMaxWaitIsRefused() {
    Lane lane =
        new Lane(
            "search",
            new LaneProperties(1, 5, Duration.ofMillis(100), Duration.ofSeconds(30)),
            meters);
    Disposable holder = lane.run(Mono.never()).subscribe();
    StepVerifier.create(lane.run(Mono.just("late")))
        .expectErrorSatisfies(error -> assertProblem(error, 503, "1"))
        .verify(Duration.ofSeconds(5));
    holder.dispose();
  }

  @Test
  void aSlowCallTimesOutWithA504AndGivesItsPlaceBack() {
    Lane lane =
        new Lane(
            "search",
            new LaneProperties(1, 0, Duration.ofMillis(100), Duration.ofMillis(100)),
            meters);
    StepVerifier.create(lane.run(Mono.never()))
        .expectErrorSatisfies(error -> assertProblem(error, 504, "1"))
        .verify(Duration.ofSeconds(5));
    StepVerifier.create(lane.run(Mono.just("next"))).expectNext("next").verifyComplete();
  }

  @Test
  void aCancelledCallGivesItsPlaceBack() {
    Lane lane =
        new Lane(
            "search",
            new LaneProperties(1, 0, Duration.ofMillis(100), Duration.ofSeconds(30)),
            meters);
    for (int i = 0; i < 100; i++) {
      lane.run(Mono.never()).subscribe().dispose();
    }
    StepVerifier.create(lane.run(Mono.just("free"))).expectNext("free").verifyComplete();
  }

  @Test
  void aFailedCallGivesItsPlaceBack() {
    Lane lane =
        new Lane(
            "indexing",
            new LaneProperties(1, 0, Duration.ofMillis(100), Duration.ofSeconds(30)),
            meters);
    StepVerifier.create(lane.run(Mono.error(new IllegalStateException("boom"))))
        .expectError(IllegalStateException.class)
        .verify();
    StepVerifier.create(lane.run(Mono.just("free"))).expectNext("free").verifyComplete();
  }

  private static void assertProblem(Throwable error, int status, String retryAfter) {
    assertThat(error).isInstanceOf(ErrorResponseException.class);
    ErrorResponseException problem = (ErrorResponseException) error;
    assertThat(problem.getStatusCode().value()).isEqualTo(status);
    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo(retryAfter);
  }
}
