package sa.volunteering.matching.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

class PeriodicWorkTest {

  private final VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();

  @AfterEach
  void realTime() {
    VirtualTimeScheduler.reset();
  }

  @Test
  void runsEveryIntervalGoesOnAfterAFailureAndStopsWhenStopped() {
    AtomicInteger runs = new AtomicInteger();
    PeriodicWork work =
        new PeriodicWork(
            "Counting",
            Duration.ofMinutes(1),
            () ->
                runs.incrementAndGet() == 1
                    ? Mono.error(new IllegalStateException("the first run fails"))
                    : Mono.just(runs.get()));

    work.start();
    assertThat(work.isRunning()).isTrue();
    time.advanceTimeBy(Duration.ofSeconds(59));
    assertThat(runs).hasValue(0);
    time.advanceTimeBy(Duration.ofMinutes(3).plusSeconds(1));
    assertThat(runs).as("the failed first run stopped nothing").hasValue(4);

    work.stop();
    time.advanceTimeBy(Duration.ofMinutes(10));
    assertThat(runs).hasValue(4);
    assertThat(work.isRunning()).isFalse();
  }

  @Test
  void ticksThatComeWhileARunIsUnderWayAreSkippedNotQueued() {
    AtomicInteger runs = new AtomicInteger();
    PeriodicWork work =
        new PeriodicWork(
            "Slow first run",
            Duration.ofMinutes(1),
            () -> runs.incrementAndGet() == 1 ? Mono.delay(Duration.ofMinutes(10)) : Mono.just(0L));

    work.start();
    time.advanceTimeBy(Duration.ofMinutes(11).plusSeconds(30));
    work.stop();

    assertThat(runs.get())
        .as("the nine ticks during the first run were not run one after the other when it ended")
        .isBetween(1, 2);
  }
}
