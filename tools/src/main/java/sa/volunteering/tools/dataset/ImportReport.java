package sa.volunteering.tools.dataset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * What an import loaded, which lines it refused (with why), and how long each of its steps took.
 */
public final class ImportReport {

  /** A refused line: its file, its number (from 1) and the reason. */
  public record Problem(String file, long line, String reason) {}

  /** A step of the import and how long it took. */
  public record Step(String name, Duration took) {}

  long organizations;
  long opportunities;
  long volunteers;
  long applications;
  long hourEntries;
  final List<Problem> problems = new ArrayList<>();
  long problemCount;
  private final List<Step> steps = new CopyOnWriteArrayList<>();

  /** {@code work}, with how long it took from subscription to completion recorded as a step. */
  Mono<Void> timed(String name, Mono<Void> work) {
    return Mono.defer(
        () -> {
          long started = System.nanoTime();
          return work.doOnSuccess(
              done -> steps.add(new Step(name, Duration.ofNanos(System.nanoTime() - started))));
        });
  }

  /** Records a step the caller timed itself. */
  public void step(String name, Duration took) {
    steps.add(new Step(name, took));
  }

  public List<Step> steps() {
    return List.copyOf(steps);
  }

  void refuse(String file, long line, String reason) {
    problemCount++;
    if (problems.size() < 1000) {
      problems.add(new Problem(file, line, reason));
    }
  }

  public long organizations() {
    return organizations;
  }

  public long opportunities() {
    return opportunities;
  }

  public long volunteers() {
    return volunteers;
  }

  public long applications() {
    return applications;
  }

  public long hourEntries() {
    return hourEntries;
  }

  public long problemCount() {
    return problemCount;
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
