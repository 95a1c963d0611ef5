package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekdaysTest {

  @Test
  void theDaysFromStartToEndInRiyadh() {
    // 2026-12-10 is a Thursday; 22:00 UTC is already Friday 01:00 in Riyadh
    assertThat(
            Weekdays.of(
                Instant.parse("2026-12-10T06:00:00Z"), Instant.parse("2026-12-10T10:00:00Z")))
        .containsExactly("thu");
    assertThat(
            Weekdays.of(
                Instant.parse("2026-12-10T22:00:00Z"), Instant.parse("2026-12-11T02:00:00Z")))
        .containsExactly("fri");
    assertThat(
            Weekdays.of(
                Instant.parse("2026-12-10T06:00:00Z"), Instant.parse("2026-12-12T10:00:00Z")))
        .containsExactly("thu", "fri", "sat");
  }

  @Test
  void anEndAtMidnightEndsTheDayBefore() {
    assertThat(
            Weekdays.of(
                Instant.parse("2026-12-10T06:00:00Z"), Instant.parse("2026-12-10T21:00:00Z")))
        .as("21:00 UTC is midnight in Riyadh")
        .containsExactly("thu");
  }

  @Test
  void aWeekOrMoreIsEveryDay() {
    assertThat(
            Weekdays.of(
                Instant.parse("2026-12-10T06:00:00Z"), Instant.parse("2026-12-30T06:00:00Z")))
        .containsExactlyInAnyOrder("sun", "mon", "tue", "wed", "thu", "fri", "sat");
  }

  @Test
  void whoNamedNoDaysIsFreeAnyDay() {
    assertThat(Weekdays.overlap(List.of(), List.of("thu"))).isTrue();
    assertThat(Weekdays.overlap(List.of("thu", "fri"), List.of("fri"))).isTrue();
    assertThat(Weekdays.overlap(List.of("sat"), List.of("thu", "fri"))).isFalse();
  }
}
