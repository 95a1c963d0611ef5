package sa.volunteering.matching.indexing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** One full reindex, as it runs: where it writes, how far it is, and how it ended. */
public final class ReindexJob {

  enum State {
    RUNNING,
    SUCCEEDED,
    FAILED,
    INTERRUPTED
  }

  final String id;
  final String name;
  final String target;
  final Instant startedAt = Instant.now();
  final AtomicLong total = new AtomicLong();
  final AtomicLong done = new AtomicLong();
  final AtomicLong caughtUp = new AtomicLong();
  private volatile State state = State.RUNNING;
  private volatile @Nullable String error;
  private volatile @Nullable Instant finishedAt;
  private final Sinks.Empty<Void> end = Sinks.empty();

  ReindexJob(String id, String name, String target) {
    this.id = id;
    this.name = name;
    this.target = target;
  }

  void succeeded() {
    state = State.SUCCEEDED;
    finishedAt = Instant.now();
  }

  void failed(Throwable cause) {
    ended(State.FAILED, cause.toString());
  }

  /** Its instance is stopping: the job is given up, and a later reindex starts afresh. */
  void interrupted() {
    ended(State.INTERRUPTED, "its instance stopped");
  }

  private void ended(State how, String why) {
    error = why;
    state = how;
    finishedAt = Instant.now();
  }

  /** Its end is in the database: whoever waits for the job may go on. */
  void recorded() {
    end.tryEmitEmpty();
  }

  State state() {
    return state;
  }

  @Nullable String error() {
    return error;
  }

  /** Completes when the job has ended, however it ended, and its end is recorded. */
  Mono<Void> ended() {
    return end.asMono();
  }

  boolean finished() {
    return state != State.RUNNING;
  }

  Progress progress() {
    return Progress.of(
        id,
        name,
        target,
        state.name(),
        total.get(),
        done.get(),
        caughtUp.get(),
        startedAt,
        finishedAt,
        error);
  }

  /** What the progress stream and the status endpoint show. */
  public record Progress(
      String job,
      String index,
      String target,
      String state,
      long total,
      long done,
      double percent,
      long documentsPerSecond,
      @Nullable Long secondsLeft,
      long caughtUp,
      Instant startedAt,
      @Nullable Instant finishedAt,
      @Nullable String error) {

    /**
     * The figures a reader derives from the counts: how far in percent, how fast, how long still.
     */
    static Progress of(
        String job,
        String index,
        String target,
        String state,
        long total,
        long done,
        long caughtUp,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error) {
      boolean finished = !state.equals(State.RUNNING.name());
      Instant end = finishedAt == null ? Instant.now() : finishedAt;
      double seconds = Math.max(Duration.between(startedAt, end).toMillis() / 1000.0, 0.001);
      double rate = done / seconds;
      double percent = total == 0 ? (finished ? 100 : 0) : Math.min(100.0, 100.0 * done / total);
      Long secondsLeft = rate <= 0 || finished ? null : Math.round((total - done) / rate);
      return new Progress(
          job,
          index,
          target,
          state,
          total,
          done,
          Math.round(percent * 10) / 10.0,
          Math.round(rate),
          secondsLeft,
          caughtUp,
          startedAt,
          finishedAt,
          error);
    }
  }
}
