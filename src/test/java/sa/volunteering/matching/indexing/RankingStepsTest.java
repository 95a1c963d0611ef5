package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingStepsTest {

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
