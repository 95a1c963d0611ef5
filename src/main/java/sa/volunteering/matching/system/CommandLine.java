package sa.volunteering.matching.system;

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
    if (Schedulers.isInNonBlockingThread()) {
      throw new IllegalStateException("a command waits on the main thread, not on " + Thread.currentThread().getName());
    }
    return work.block();
  }
}
