package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValueAsDateTest {

  /** Elasticsearch's {@code distance_feature} on a date: {@code pivot / (pivot + distance)}. */
  private static double distanceFeature(String date) {
    double distance = Duration.between(Instant.parse(date), ValueAsDate.ORIGIN).toMillis();
    return ValueAsDate.PIVOT_MILLIS / (ValueAsDate.PIVOT_MILLIS + distance);
  }

  @Test
  void aDistanceFeatureScoresTheValueBack() {
    for (double value : new double[] {0.001, 0.0123, 0.2, 0.5, 0.8, 0.9615, 0.999999, 1}) {
      String date = ValueAsDate.of(value);
      assertThat(date).as("the date of %s", value).isNotNull();
      assertThat(distanceFeature(date)).as("scored for %s", value).isCloseTo(value, within(1e-7));
      assertThat(ValueAsDate.scored(value)).isEqualTo(value);
    }
    assertThat(ValueAsDate.of(1)).isEqualTo(ValueAsDate.ORIGIN.toString());
  }

  @Test
  void hundredHoursOfExperienceScoreFourFifths() {
    assertThat(distanceFeature(ValueAsDate.of(Experience.of(100)))).isCloseTo(0.8, within(1e-7));
    assertThat(distanceFeature(ValueAsDate.of(Experience.of(25)))).isCloseTo(0.5, within(1e-7));
  }

  @Test
  void tooSmallToCountIsNotIndexedAndScoresNothing() {
    assertThat(ValueAsDate.of(0)).isNull();
    assertThat(ValueAsDate.of(0.0009)).isNull();
    assertThat(ValueAsDate.of(Double.NaN)).isNull();
    assertThat(ValueAsDate.scored(0.0009)).isZero();
    assertThat(ValueAsDate.scored(0)).isZero();
    assertThat(ValueAsDate.of(Experience.of(0))).isNull();
  }

  @Test
  void aboveOneCountsAsOne() {
    assertThat(ValueAsDate.of(1.7)).isEqualTo(ValueAsDate.ORIGIN.toString());
    assertThat(ValueAsDate.scored(1.7)).isEqualTo(1);
  }
}
