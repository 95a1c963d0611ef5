package sa.volunteering.tools;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one place a command-line entry waits for reactive work: on the main thread, at the end of its
 * pipeline, never on an event loop (it refuses to there).
 */
public final class CommandLine {

  private CommandLine() {}

  public static <T> @Nullable T await(Mono<T> work) {
    requireBlockingThread();
    return work.block();
  }

  /** The same, giving up after {@code timeout}. */
  public static <T> @Nullable T await(Mono<T> work, Duration timeout) {
    return await(work.timeout(timeout));
  }

  /**
   * A command's pause between two polls of what it waits for; refused on an event loop like every
   * wait here.
   */
  public static void pause(Duration pause) throws InterruptedException {
    requireBlockingThread();
    Thread.sleep(pause);
  }

  /** For a command that waits (sleeps, blocks): refuses to run on an event loop. */
  public static void requireBlockingThread() {
    if (Schedulers.isInNonBlockingThread()) {
      throw new IllegalStateException(
          "a command waits on the main thread, not on " + Thread.currentThread().getName());
    }
  }
}
