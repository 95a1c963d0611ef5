package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrackRecordTest {

  @Test
  void aNewcomerStandsAtThePriorAndHistoryMovesThemFromIt() {
    assertThat(TrackRecord.NEWCOMER).isCloseTo(TrackRecord.PRIOR_RATE, within(1e-9));
    assertThat(TrackRecord.of(0, 1)).isCloseTo(0.6, within(1e-9));
    assertThat(TrackRecord.of(5, 0)).isCloseTo(7.4 / 8, within(1e-9));
    assertThat(TrackRecord.of(1, 0)).isGreaterThan(TrackRecord.NEWCOMER);
    assertThat(TrackRecord.of(40, 40)).isCloseTo(0.5, within(0.02));
    assertThat(TrackRecord.of(1000, 0)).isLessThan(1).isGreaterThan(0.99);
  }
}
