package sa.volunteering.matching.search.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class OpenStreamsTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final OpenStreams streams = new OpenStreams(meters);

  @Test
  void aStreamOpenAtStopEndsWithTheClosingEventAndOneThatEndedByItselfDoesNot() {
    streams.start();
    StepVerifier.create(streams.track(Flux.just(new StreamEvent.Heartbeat())))
        .expectNextMatches(StreamEvent.Heartbeat.class::isInstance)
        .verifyComplete();

    StepVerifier.create(streams.track(Flux.never()))
        .then(() -> assertThat(meters.get("streams.open").gauge().value()).isEqualTo(1))
        .then(streams::stop)
        .expectNext(StreamEvent.Closing.SHUTDOWN)
        .verifyComplete();
    assertThat(meters.get("streams.open").gauge().value()).isZero();
  }

  @Test
  void aStreamOpenedWhileStoppedClosesAtOnceAndAfterARestartItDoesNot() {
    streams.start();
    streams.stop();
    StepVerifier.create(streams.track(Flux.never()))
        .expectNext(StreamEvent.Closing.SHUTDOWN)
        .verifyComplete();

    streams.start();
    StepVerifier.create(streams.track(Flux.never()))
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(100))
        .thenCancel()
        .verify();
  }
}
