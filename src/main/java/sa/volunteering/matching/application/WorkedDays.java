package sa.volunteering.matching.application;

import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Which days hours may be logged for: none before 2000 (indicator periods start there,
 * docs/indicators.md), none in the future (Riyadh time).
 */
public final class WorkedDays {

  public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
  private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

  private WorkedDays() {}

  /** Why {@code day} cannot be a day worked, or null when it can. */
  public static @Nullable String refusal(LocalDate day) {
    if (day.isBefore(FIRST)) {
      return "must not be before " + FIRST;
    }
    if (day.isAfter(LocalDate.now(RIYADH))) {
      return "must not be in the future";
    }
    return null;
  }
}
