package sa.volunteering.matching.search.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Every stream the service is writing: counted ({@code streams.open}), and ended when the instance shuts down, with
 * a last {@link StreamEvent.Closing} event that tells the client to reconnect (elsewhere) and resume from its last
 * cursor. Stops before the web server's graceful shutdown, which then waits for those streams to finish writing
 * instead of cutting them at the end of its grace period.
 */
@Component
public class OpenStreams implements SmartLifecycle {

  /** Stopped before the web server's graceful shutdown (phase {@code Integer.MAX_VALUE - 1024}). */
  static final int PHASE = Integer.MAX_VALUE - 512;

  private final AtomicInteger open = new AtomicInteger();
  /** Replaced at each start: Spring's test framework stops and starts a paused context, and an operator may. */
  private volatile Sinks.Empty<Void> closing = Sinks.empty();
  private volatile boolean running;

  OpenStreams(MeterRegistry meters) {
    Gauge.builder("streams.open", open, AtomicInteger::get).description("result and live streams being written").register(meters);
  }

  Flux<StreamEvent> track(Flux<StreamEvent> events) {
    return Flux.defer(() -> events.takeUntilOther(closing.asMono()))
        .concatWith(Mono.defer(() -> running ? Mono.<StreamEvent>empty() : Mono.just(StreamEvent.Closing.SHUTDOWN)))
        .doOnSubscribe(subscription -> open.incrementAndGet())
        .doFinally(signal -> open.decrementAndGet());
  }

  @Override
  public void start() {
    closing = Sinks.empty();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    closing.tryEmitEmpty();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
