package sa.volunteering.tools.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  @Test
  void recoversTheCoefficientsThatDrewTheLabels() {
    double[] truth = {-1.5, 2.0, -0.7, 0.0};
    SplittableRandom random = new SplittableRandom(7);
    int n = 200_000;
    double[][] rows = new double[n][];
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      rows[i] = new double[] {1, random.nextDouble(), random.nextGaussian(), random.nextDouble()};
      labels[i] = random.nextDouble() < LogisticRegression.probability(truth, rows[i]);
    }

    double[] fitted = LogisticRegression.fit(rows, labels, 1.0);

    for (int j = 0; j < truth.length; j++) {
      assertThat(fitted[j]).as("coefficient %d", j).isCloseTo(truth[j], within(0.05));
    }
  }

  @Test
  void aColumnRepeatingAnotherLeavesTheFitFinite() {
    double[][] rows = {{1, 0, 1}, {1, 1, 1}, {1, 0, 1}, {1, 1, 1}, {1, 1, 1}, {1, 0, 1}};
    boolean[] labels = {false, true, false, true, false, true};

    double[] fitted = LogisticRegression.fit(rows, labels, 1.0);

    for (double value : fitted) {
      assertThat(value).isFinite();
    }
    assertThat(LogisticRegression.probability(fitted, new double[] {1, 1, 1}))
        .isGreaterThan(LogisticRegression.probability(fitted, new double[] {1, 0, 1}));
  }

  @Test
  void solvesALinearSystem() {
    double[][] a = {{0, 2, 1}, {1, 1, 1}, {2, 1, 0}};
    double[] x = LogisticRegression.solve(a, new double[] {7, 6, 4});
    assertThat(x).containsExactly(new double[] {1, 2, 3}, within(1e-12));
  }
}
