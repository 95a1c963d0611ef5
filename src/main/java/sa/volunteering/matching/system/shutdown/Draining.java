package sa.volunteering.matching.system.shutdown;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing an instance does when told to stop (SIGTERM): it answers {@code /readyz} with 503
 * and goes on serving for {@code app.shutdown.drain-delay}, so that a balancer checking readiness
 * stops sending it requests before it stops taking connections. Only then do open streams get their
 * closing event and the web server its graceful shutdown. Runs on the thread that closes the
 * context, never on a Reactor thread.
 */
@Component
class Draining implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Draining.class);

  private final ApplicationEventPublisher events;
  private final Duration delay;
  private volatile boolean running;
  private volatile boolean refused;

  Draining(ApplicationEventPublisher events, ShutdownProperties properties) {
    this.events = events;
    this.delay = properties.drainDelay();
  }

  @Override
  public void start() {
    if (refused) {
      // started again after a stop (Spring's test framework restarts a paused context)
      AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
      refused = false;
    }
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (delay.isZero() || delay.isNegative()) {
      return;
    }
    AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
    refused = true;
    log.info(
        "Stopping: refusing readiness and serving {} ms more while balancers notice",
        delay.toMillis());
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before every other bean: streams and the web server stop after the delay. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
