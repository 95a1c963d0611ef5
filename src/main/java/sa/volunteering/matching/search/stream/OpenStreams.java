package sa.volunteering.matching.search.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Every stream the service is writing: counted ({@code streams.open}), and ended when the instance
 * shuts down, with a last {@link StreamEvent.Closing} event that tells the client to reconnect
 * (elsewhere) and resume from its last cursor. Stops before the web server's graceful shutdown,
 * which then waits for those streams to finish writing instead of cutting them at the end of its
 * grace period.
 */
@Component
public class OpenStreams implements SmartLifecycle {

  /** Stopped before the web server's graceful shutdown (phase {@code Integer.MAX_VALUE - 1024}). */
  static final int PHASE = Integer.MAX_VALUE - 512;

  private final AtomicInteger open = new AtomicInteger();

  /**
   * Fires at stop; a new one at the next start (Spring's test framework stops and starts a paused
   * context).
   */
  private volatile Sinks.Empty<Void> closing = Sinks.empty();

  private volatile boolean running;

  OpenStreams(MeterRegistry meters) {
    Gauge.builder("streams.open", open, AtomicInteger::get)
        .description("result and live streams being written")
        .register(meters);
  }

  /**
   * The events until the instance stops; a stream it stopped gets the closing event last, one that
   * ended by itself does not.
   */
  Flux<StreamEvent> track(Flux<StreamEvent> events) {
    return Flux.defer(
            () -> {
              AtomicBoolean stopped = new AtomicBoolean();
              return events
                  .takeUntilOther(closing.asMono().doOnTerminate(() -> stopped.set(true)))
                  .concatWith(
                      Mono.fromSupplier(() -> stopped.get() ? StreamEvent.Closing.SHUTDOWN : null));
            })
        .doOnSubscribe(subscription -> open.incrementAndGet())
        .doFinally(signal -> open.decrementAndGet());
  }

  @Override
  public void start() {
    if (Scannable.from(closing).scanOrDefault(Scannable.Attr.TERMINATED, false)) {
      closing = Sinks.empty();
    }
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
