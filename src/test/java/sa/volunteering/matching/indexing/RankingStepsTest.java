package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingStepsTest {

  @Test
  void tenthsAreReachedRoundingDown() {
    assertThat(RankingSteps.tenths(0)).isZero();
    assertThat(RankingSteps.tenths(0.2)).isEqualTo(2);
    assertThat(RankingSteps.tenths(0.8)).as("100 hours of experience").isEqualTo(8);
    assertThat(RankingSteps.tenths(0.999)).isEqualTo(9);
    assertThat(RankingSteps.tenths(1)).isEqualTo(10);
    assertThat(RankingSteps.reached(0.35)).containsExactly("1", "2", "3");
    assertThat(RankingSteps.reached(0.05)).isEmpty();
  }

  @Test
  void experienceCountsInTenthsOfItsCurve() {
    assertThat(Experience.steps(0)).isEmpty();
    assertThat(Experience.steps(25)).hasSize(5);
    assertThat(Experience.steps(100)).hasSize(8);
    assertThat(Experience.steps(100_000)).hasSize(9);
  }

  @Test
  void sharesCountInTwelfthsAndNeverVanish() {
    assertThat(RankingSteps.twelfths(1)).isEqualTo(12);
    assertThat(RankingSteps.twelfths(0.5)).isEqualTo(6);
    assertThat(RankingSteps.twelfths(1.0 / 3)).isEqualTo(4);
    assertThat(RankingSteps.twelfths(0.25)).isEqualTo(3);
    assertThat(RankingSteps.twelfths(0.01)).isEqualTo(1);
    assertThat(
            RankingSteps.shareTokens(
                List.of(
                    Map.of("code", "first_aid", "weight", BigDecimal.TWO, "share", 2.0 / 3),
                    Map.of("code", "cpr", "weight", BigDecimal.ONE, "share", 1.0 / 3))))
        .containsExactly("first_aid@8", "cpr@4");
  }
}
