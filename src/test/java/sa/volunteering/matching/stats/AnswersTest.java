package sa.volunteering.matching.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

class AnswersTest {

  private final AtomicInteger computed = new AtomicInteger();

  private Mono<Integer> answer() {
    return Mono.fromSupplier(computed::incrementAndGet);
  }

  private static Answers keepingFor(Duration keep, int max) {
    return new Answers(
        new StatsProperties(Duration.ofMillis(500), 20_000, Duration.ofSeconds(1), 10, keep, max),
        null);
  }

  @Test
  void theSameQuestionIsAnsweredOnceUntilTheSummariesChange() {
    Answers answers = keepingFor(Duration.ofMinutes(1), 100);
    assertThat(answers.to("q", this::answer).block()).isEqualTo(1);
    assertThat(answers.to("q", this::answer).block()).isEqualTo(1);
    assertThat(answers.to("other", this::answer).block()).isEqualTo(2);
    answers.forget();
    assertThat(answers.to("q", this::answer).block()).isEqualTo(3);
  }

  /** On virtual time: the answer is kept for exactly its 50 ms, whatever the machine is doing. */
  @Test
  void answersExpireAndFailuresAreNotKept() {
    VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
    try {
      Answers answers = keepingFor(Duration.ofMillis(50), 100);
      assertThat(answers.to("q", this::answer).block()).isEqualTo(1);
      clock.advanceTimeBy(Duration.ofMillis(49));
      assertThat(answers.to("q", this::answer).block()).isEqualTo(1);
      clock.advanceTimeBy(Duration.ofMillis(2));
      assertThat(answers.to("q", this::answer).block()).isEqualTo(2);
    } finally {
      VirtualTimeScheduler.reset();
    }
    Answers answers = keepingFor(Duration.ofMinutes(1), 100);
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                answers
                    .to(
                        "failing",
                        () ->
                            Mono.error(
                                new IllegalStateException("down " + attempts.incrementAndGet())))
                    .block())
        .hasMessage("down 1");
    assertThatThrownBy(
            () ->
                answers
                    .to(
                        "failing",
                        () ->
                            Mono.error(
                                new IllegalStateException("down " + attempts.incrementAndGet())))
                    .block())
        .hasMessage("down 2");
  }

  @Test
  void zeroKeepsNothingAndTheNumberOfQuestionsIsBounded() {
    Answers none = keepingFor(Duration.ZERO, 100);
    none.to("q", this::answer).block();
    none.to("q", this::answer).block();
    assertThat(computed).hasValue(2);
    Answers few = keepingFor(Duration.ofMinutes(1), 2);
    few.to("a", this::answer).block();
    few.to("b", this::answer).block();
    few.to("c", this::answer).block();
    assertThat(few.to("a", this::answer).block())
        .as("forgotten when the bound was reached")
        .isEqualTo(6);
  }
}
