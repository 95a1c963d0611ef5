package sa.volunteering.matching.stats;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Answers reused until the summaries change (a fold here, or a fold notified by another instance)
 * and at most {@code app.stats.answers-for}: dashboards ask the same few questions over and over,
 * and whoever asks while an answer is being computed waits for that one. Failures are not kept.
 */
@Component
class Answers implements SmartLifecycle {

  private final StatsProperties properties;
  private final Folds folds;
  private final Map<Object, Mono<?>> answers = new ConcurrentHashMap<>();
  private volatile Disposable listening = () -> {};
  private volatile boolean running;

  Answers(StatsProperties properties, Folds folds) {
    this.properties = properties;
    this.folds = folds;
  }

  @SuppressWarnings("unchecked")
  <T> Mono<T> to(Object question, Supplier<Mono<T>> answer) {
    Duration keep = properties.answersFor();
    if (keep.isZero()) {
      return answer.get();
    }
    if (answers.size() >= properties.maxAnswers()) {
      answers.clear();
    }
    return (Mono<T>)
        answers.computeIfAbsent(
            question,
            asked ->
                Mono.defer(answer)
                    .cache(value -> keep, error -> Duration.ZERO, () -> Duration.ZERO));
  }

  /** The summaries changed: every question is computed again. */
  void forget() {
    answers.clear();
  }

  @Override
  public void start() {
    listening = folds.notified().subscribe(notified -> forget());
    running = true;
  }

  @Override
  public void stop() {
    listening.dispose();
    forget();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
