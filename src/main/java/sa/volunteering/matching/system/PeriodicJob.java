package sa.volunteering.matching.system;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;

/**
 * {@link PeriodicWork} started and stopped with the application: a job says what one run does, and
 * whether it runs at all.
 */
public abstract class PeriodicJob implements SmartLifecycle {

  private final String what;
  private final PeriodicWork work;
  private final boolean enabled;

  /**
   * @param what the work, as the log names it when a run fails
   * @param enabled false: never started
   */
  protected PeriodicJob(String what, Duration every, boolean enabled) {
    this.what = what;
    this.work = new PeriodicWork(what, every, this::runOnce);
    this.enabled = enabled;
  }

  /** One run; the next tick that comes after it ends starts the next. */
  protected abstract Mono<?> runOnce();

  /** One run now, besides the ticks (another instance's run, in a test). */
  public final Mono<?> once() {
    return Mono.defer(this::runOnce);
  }

  /** What the job does, as the log names it. */
  public final String what() {
    return what;
  }

  @Override
  public void start() {
    if (enabled) {
      work.start();
    }
  }

  @Override
  public void stop() {
    work.stop();
  }

  @Override
  public boolean isRunning() {
    return work.isRunning();
  }
}
