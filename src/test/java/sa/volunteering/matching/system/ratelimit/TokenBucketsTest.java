package sa.volunteering.matching.system.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void aBurstPassesThenTheRateAndEachRefusalSaysHowLongToWait() {
    TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(2, 3), 1000, now::get);
    for (int i = 0; i < 3; i++) {
      assertThat(buckets.take("a")).isZero();
    }
    assertThat(buckets.take("a")).isEqualTo(Duration.ofMillis(500));
    assertThat(buckets.take("b")).as("another key has its own bucket").isZero();
    advance(Duration.ofMillis(250));
    assertThat(buckets.take("a")).isEqualTo(Duration.ofMillis(250));
    advance(Duration.ofMillis(250));
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void refusedRequestsDoNotPushTheNextTokenFurther() {
    TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(1, 1), 1000, now::get);
    assertThat(buckets.take("a")).isZero();
    for (int i = 0; i < 50; i++) {
      assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(1));
    }
    advance(Duration.ofSeconds(1));
    assertThat(buckets.take("a")).isZero();
  }

  @Test
  void aTokenGivenBackIsTakenAgainButNeverBeyondTheBurst() {
    TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(1, 2), 1000, now::get);
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isZero();
    buckets.giveBack("a");
    assertThat(buckets.take("a")).as("the token given back").isZero();
    assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(1));
    buckets.giveBack("a");
    buckets.giveBack("a");
    buckets.giveBack("a");
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).as("at most the burst").isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void idleFullBucketsAreForgottenBeyondTheBound() {
    TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(10, 10), 100, now::get);
    for (int i = 0; i < 150; i++) {
      buckets.take("client-" + i);
    }
    advance(Duration.ofSeconds(2));
    buckets.take("late");
    assertThat(buckets.tracked()).isEqualTo(1);
  }

  @Test
  void aBusyBucketIsKeptWhenIdleOnesAreForgotten() {
    TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(1, 5), 100, now::get);
    for (int i = 0; i < 5; i++) {
      buckets.take("busy");
    }
    for (int i = 0; i < 150; i++) {
      buckets.take("client-" + i);
    }
    advance(Duration.ofSeconds(2));
    buckets.take("late");
    assertThat(buckets.take("busy")).isZero();
    assertThat(buckets.take("busy")).isZero();
    assertThat(buckets.take("busy"))
        .as("the bucket not yet full again was remembered")
        .isEqualTo(Duration.ofSeconds(1));
  }

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }
}
