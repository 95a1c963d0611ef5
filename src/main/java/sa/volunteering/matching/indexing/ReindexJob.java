package sa.volunteering.matching.indexing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** One full reindex, as it runs: where it writes, how far it is, and how it ended. */
public final class ReindexJob {

  enum State { RUNNING, SUCCEEDED, FAILED }

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
    end.tryEmitEmpty();
  }

  void failed(Throwable cause) {
    error = cause.toString();
    state = State.FAILED;
    finishedAt = Instant.now();
    end.tryEmitEmpty();
  }

  /** Completes when the job ends, however it ends. */
  Mono<Void> ended() {
    return end.asMono();
  }

  boolean finished() {
    return state != State.RUNNING;
  }

  Progress progress() {
    Instant end = finishedAt == null ? Instant.now() : finishedAt;
    double seconds = Math.max(Duration.between(startedAt, end).toMillis() / 1000.0, 0.001);
    long totalDocuments = total.get();
    long doneDocuments = done.get();
    double rate = doneDocuments / seconds;
    double percent = totalDocuments == 0 ? (finished() ? 100 : 0) : Math.min(100.0, 100.0 * doneDocuments / totalDocuments);
    Long secondsLeft = rate <= 0 || finished() ? null : Math.round((totalDocuments - doneDocuments) / rate);
    return new Progress(id, name, target, state.name(), totalDocuments, doneDocuments, Math.round(percent * 10) / 10.0,
        Math.round(rate), secondsLeft, caughtUp.get(), startedAt, finishedAt, error);
  }

  /** What the progress stream and the status endpoint show. */
  public record Progress(String job, String index, String target, String state, long total, long done, double percent,
      long documentsPerSecond, @Nullable Long secondsLeft, long caughtUp, Instant startedAt, @Nullable Instant finishedAt,
      @Nullable String error) {}
}
