package sa.volunteering.matching.system;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work done every interval in the background: one run at a time (a tick that comes while one runs
 * is skipped), a failed run logged and tried again at the next tick, nothing left running once
 * stopped.
 */
public final class PeriodicWork {

  private static final Logger log = LoggerFactory.getLogger(PeriodicWork.class);

  private final String what;
  private final Duration every;
  private final Supplier<Mono<?>> work;
  private volatile Disposable running = () -> {};
  private volatile boolean started;

  /**
   * @param what the work, as the log names it when a run fails ("closing ended opportunities")
   */
  public PeriodicWork(String what, Duration every, Supplier<Mono<?>> work) {
    this.what = what;
    this.every = every;
    this.work = work;
  }

  public void start() {
    running =
        Flux.interval(every)
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    Mono.defer(work)
                        .onErrorResume(
                            error -> {
                              log.warn("{} failed; trying again in {}", what, every, error);
                              return Mono.empty();
                            }),
                // one tick asked for at a time, so those that come during a run are dropped
                0)
            .subscribe();
    started = true;
  }

  public void stop() {
    running.dispose();
    started = false;
  }

  public boolean isRunning() {
    return started;
  }
}
