package sa.volunteering.matching.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMeasuresTest {

  private static final List<String> RANKED = List.of("a", "b", "c", "d", "e", "f");

  @Test
  void aHitCountsOnlyWithinTheCut() {
    assertThat(RankingMeasures.hit(RANKED, Set.of("c"), 3)).isTrue();
    assertThat(RankingMeasures.hit(RANKED, Set.of("d"), 3)).isFalse();
  }

  @Test
  void theReciprocalRankIsThatOfTheFirstIntendedResult() {
    assertThat(RankingMeasures.reciprocalRank(RANKED, Set.of("d", "b"))).isEqualTo(0.5);
    assertThat(RankingMeasures.reciprocalRank(RANKED, Set.of("z"))).isZero();
  }

  @Test
  void binaryNdcgIsOneWhenTheIntendedComeFirstAndFallsWithTheirRank() {
    assertThat(RankingMeasures.ndcg(RANKED, Set.of("a", "b"), 5)).isEqualTo(1.0);
    double second = 1 / (Math.log(3) / Math.log(2));
    assertThat(RankingMeasures.ndcg(RANKED, Set.of("b"), 5)).isCloseTo(second, within(1e-9));
    assertThat(RankingMeasures.ndcg(RANKED, Set.of("f"), 5)).isZero();
  }
}
