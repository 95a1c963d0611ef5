package sa.volunteering.tools.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcentrationTest {

  @Test
  void appearancesSpreadEvenlyHaveNoConcentration() {
    Concentration even = Concentration.of(Collections.nCopies(200, 3));
    assertThat(even.appearances()).isEqualTo(600);
    assertThat(even.distinct()).isEqualTo(200);
    assertThat(even.topPercentShare()).isCloseTo(0.01, within(1e-9));
    assertThat(even.gini()).isCloseTo(0, within(1e-9));
  }

  @Test
  void aFewTakingNearlyEverythingIsHighlyConcentrated() {
    List<Integer> counts = new ArrayList<>(Collections.nCopies(99, 1));
    counts.add(901);
    Concentration skewed = Concentration.of(counts);
    assertThat(skewed.topPercentShare()).isCloseTo(0.901, within(1e-9));
    assertThat(skewed.gini()).isCloseTo((2.0 * 100 - 100 - 1) * 900 / (100.0 * 1000), within(1e-9));
    assertThat(skewed.gini()).isGreaterThan(0.85);
    assertThat(skewed.mostShown()).isEqualTo(901);
  }

  @Test
  void theTopPercentIsAtLeastOnePersonAndNobodyShownCountsForNothing() {
    Concentration few = Concentration.of(List.of(0, 0, 5, 1, 4));
    assertThat(few.distinct()).isEqualTo(3);
    assertThat(few.topPercentShare()).isCloseTo(0.5, within(1e-9));
    assertThat(Concentration.of(List.of()).appearances()).isZero();
  }
}
