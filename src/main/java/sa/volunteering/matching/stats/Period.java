package sa.volunteering.matching.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import sa.volunteering.matching.system.problem.Problems;

/**
 * Whole calendar months, Riyadh time, both ends included; an open end reaches the first or the
 * latest month. Indicators are kept per month (decision 0016), so periods are months.
 */
public record Period(@Nullable YearMonth from, @Nullable YearMonth to) {

  public static final Period ALL_TIME = new Period(null, null);
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  public static Period of(@Nullable String from, @Nullable String to) {
    Period period = new Period(month("from", from), month("to", to));
    if (period.from != null && period.to != null && period.from.isAfter(period.to)) {
      throw Problems.invalidField(
          "to", "Period", "to: must not be before from (" + period.from + ")");
    }
    return period;
  }

  private static @Nullable YearMonth month(String parameter, @Nullable String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      if (MONTH.matcher(value).matches()) {
        YearMonth month = YearMonth.parse(value);
        if (month.getYear() >= 2000 && month.getYear() <= 2100) {
          return month;
        }
      }
    } catch (DateTimeParseException notAMonth) {
      // answered below
    }
    throw Problems.invalidField(
        parameter,
        "Month",
        parameter
            + ": must be a month from 2000-01 to 2100-12 written YYYY-MM, not '"
            + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
            + "'");
  }

  public boolean allTime() {
    return from == null && to == null;
  }

  /** One month: its people are counted by that month's own tally. */
  public boolean singleMonth() {
    return from != null && from.equals(to);
  }

  @Nullable LocalDate firstDay() {
    return from == null ? null : from.atDay(1);
  }

  @Nullable LocalDate lastMonthDay() {
    return to == null ? null : to.atDay(1);
  }
}
