package sa.volunteering.matching.indexing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The days of the week an opportunity runs on, as volunteers name theirs ({@code sun} … {@code
 * sat}): each day from its start to its end in Riyadh's time, all seven for a week or more.
 */
public final class Weekdays {

  private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

  /** Every day of the week. */
  public static final List<String> ALL = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

  private Weekdays() {}

  public static List<String> of(Instant start, Instant end) {
    LocalDate first = LocalDate.ofInstant(start, RIYADH);
    // an end at midnight is the end of the day before
    LocalDate last = LocalDate.ofInstant(end.minusNanos(1), RIYADH);
    List<String> days = new ArrayList<>(7);
    for (LocalDate day = first; !day.isAfter(last) && days.size() < 7; day = day.plusDays(1)) {
      days.add(name(day.getDayOfWeek()));
    }
    return days;
  }

  /**
   * Whether a volunteer with these weekdays can take part on one of these days: a volunteer who
   * named none is taken to be free any day.
   */
  public static boolean overlap(Collection<String> volunteer, Collection<String> opportunity) {
    return volunteer.isEmpty() || !Collections.disjoint(volunteer, opportunity);
  }

  static String name(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
