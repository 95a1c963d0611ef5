package sa.volunteering.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

  private static final BackgroundWork.Machine IDLE =
      new BackgroundWork.Machine(1_000, 10_000, "0.05 / 0.10 / 0.20");

  @Test
  void aQuietStackRanNothing() {
    BackgroundWork.Snapshot before = snapshot(0, 10, 0, 500, 40, 0, IDLE);
    BackgroundWork.Snapshot after =
        snapshot(
            0, 10, 0, 500, 40, 0, new BackgroundWork.Machine(1_010, 10_200, "0.04 / 0.10 / 0.20"));
    assertThat(after.ranSince(before)).isEmpty();
    assertThat(after.busy(before, 0.15)).isEmpty();
  }

  @Test
  void writesFoldsAndVacuumsAreBackgroundWork() {
    BackgroundWork.Snapshot before = snapshot(0, 10, 0, 500, 40, 0, IDLE);
    assertThat(snapshot(3, 13, 0, 500, 40, 0, IDLE).ranSince(before))
        .singleElement()
        .asString()
        .startsWith("outbox: 3 changes written, 3 waiting");
    assertThat(snapshot(0, 10, 0, 500, 40, 0, IDLE).ranSince(snapshot(2, 10, 0, 500, 40, 0, IDLE)))
        .as("drained meanwhile")
        .singleElement()
        .asString()
        .startsWith("outbox:");
    assertThat(snapshot(0, 10, 7, 507, 40, 0, IDLE).ranSince(before))
        .singleElement()
        .asString()
        .isEqualTo("indicators: 7 changes appended, 7 waiting to be folded");
    assertThat(snapshot(0, 10, 0, 500, 41, 0, IDLE).ranSince(before))
        .singleElement()
        .asString()
        .isEqualTo("PostgreSQL: 1 vacuums or analyzes done, 0 running");
    assertThat(snapshot(0, 10, 0, 500, 40, 1, IDLE).ranSince(before))
        .singleElement()
        .asString()
        .startsWith("PostgreSQL:");
  }

  @Test
  void busyProcessorsAndMergesKeepTheStackUnsettled() {
    BackgroundWork.Snapshot before = snapshot(0, 10, 0, 500, 40, 0, IDLE);
    BackgroundWork.Snapshot busy =
        snapshot(
            0, 10, 0, 500, 40, 0, new BackgroundWork.Machine(1_100, 10_200, "1.50 / 1.00 / 0.50"));
    assertThat(busy.busy(before, 0.15))
        .containsExactly("processors: 50% busy (quiet is at most 15%)");
    BackgroundWork.Snapshot merging = new BackgroundWork.Snapshot(0, 10, 0, 500, 40, 0, 2, 9, IDLE);
    assertThat(merging.busy(before, 0.15)).containsExactly("Elasticsearch: 2 merges running");
  }

  /**
   * A measurement's own writes are reported beside it, not held against it; anything else still is.
   */
  @Test
  void aMeasurementsOwnWorkIsNotCountedAgainstIt() {
    BackgroundWork.Snapshot before = snapshot(0, 10, 0, 500, 40, 0, IDLE);
    BackgroundWork.Settling settled =
        new BackgroundWork.Settling(true, Duration.ofSeconds(2), List.of(), before);
    BackgroundWork.Snapshot appended = snapshot(0, 10, 0, 1_000, 40, 0, IDLE);

    Report.Section own =
        BenchmarkSuite.judged(
            new Report.Section("Write cost"), settled, before, appended, Set.of("indicators"));
    assertThat(own.isValid()).isTrue();
    assertThat(own.markdown("charts"))
        .contains(
            "its own work, not counted: indicators: 500 changes appended, 0 waiting to be folded");

    BackgroundWork.Snapshot alsoVacuumed = snapshot(0, 10, 0, 1_000, 41, 0, IDLE);
    assertThat(
            BenchmarkSuite.judged(
                    new Report.Section("Write cost"),
                    settled,
                    before,
                    alsoVacuumed,
                    Set.of("indicators"))
                .isValid())
        .isFalse();
  }

  @Test
  void aSectionIsNoResultWhenBackgroundWorkRanOrTheStackNeverSettled() {
    BackgroundWork.Snapshot before = snapshot(0, 10, 0, 500, 40, 0, IDLE);
    BackgroundWork.Settling settled =
        new BackgroundWork.Settling(
            true, Duration.ofSeconds(42), List.of("outbox: 0 changes written, 12 waiting"), before);

    Report.Section quiet =
        BenchmarkSuite.judged(new Report.Section("Search"), settled, before, before);
    assertThat(quiet.isValid()).isTrue();
    assertThat(quiet.markdown("charts"))
        .contains("Waited 42 s for a settled stack (outbox: 0 changes written, 12 waiting)")
        .contains("load average 0.05 / 0.10 / 0.20 before")
        .contains("Background work during the measurement: none.");

    Report.Section disturbed =
        BenchmarkSuite.judged(
            new Report.Section("Search"), settled, before, snapshot(0, 10, 9, 509, 40, 0, IDLE));
    assertThat(disturbed.isValid()).isFalse();
    assertThat(disturbed.markdown("charts"))
        .startsWith("### Search (invalid: not a result)")
        .contains(
            "> **Invalid, not a result.** Background work ran during the measurement: indicators: 9 changes appended");

    BackgroundWork.Settling never =
        new BackgroundWork.Settling(
            false, Duration.ofMinutes(30), List.of("processors: 80% busy"), before);
    assertThat(
            BenchmarkSuite.judged(new Report.Section("Search"), never, before, before)
                .markdown("charts"))
        .contains("The stack had not settled after 30 min: processors: 80% busy.");
  }

  private static BackgroundWork.Snapshot snapshot(
      long outboxPending,
      long outboxLast,
      long changesPending,
      long changesLast,
      long vacuumsDone,
      long vacuumsRunning,
      BackgroundWork.Machine machine) {
    return new BackgroundWork.Snapshot(
        outboxPending,
        outboxLast,
        changesPending,
        changesLast,
        vacuumsDone,
        vacuumsRunning,
        0,
        5,
        machine);
  }
}
