package sa.volunteering.bench.match;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What answered the pages of one load, read from the service's timer {@code matching.pages} in this
 * process (decision 0018): the share of pages each set scored first or the whole query answered,
 * and their mean time in Elasticsearch, from a snapshot before the load to one after it.
 */
final class PageAnswerShares {

  private record Tally(long count, double totalMillis) {}

  private final MeterRegistry meters;
  private final String ranking;
  private final Map<String, Tally> before;

  private PageAnswerShares(MeterRegistry meters, String ranking) {
    this.meters = meters;
    this.ranking = ranking;
    this.before = tallies();
  }

  /** Starts counting the pages of {@code ranking} ({@code opportunities} or {@code candidates}). */
  static PageAnswerShares from(MeterRegistry meters, String ranking) {
    return new PageAnswerShares(meters, ranking);
  }

  /**
   * Since the start, for each way a page was answered: {@code set-1 62.0 % (14.1 ms)}; "none" when
   * no page was counted.
   */
  String since() {
    Map<String, Tally> after = tallies();
    long pages = 0;
    Map<String, Tally> added = new TreeMap<>();
    for (Map.Entry<String, Tally> entry : after.entrySet()) {
      Tally earlier = before.getOrDefault(entry.getKey(), new Tally(0, 0));
      Tally now = entry.getValue();
      Tally delta =
          new Tally(now.count() - earlier.count(), now.totalMillis() - earlier.totalMillis());
      if (delta.count() > 0) {
        added.put(entry.getKey(), delta);
        pages += delta.count();
      }
    }
    if (pages == 0) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Tally> entry : added.entrySet()) {
      Tally tally = entry.getValue();
      parts.add(
          String.format(
              Locale.ROOT,
              "%s %.1f %% (%.1f ms)",
              entry.getKey(),
              100.0 * tally.count() / pages,
              tally.totalMillis() / tally.count()));
    }
    return String.join("; ", parts);
  }

  private Map<String, Tally> tallies() {
    Map<String, Tally> tallies = new TreeMap<>();
    for (Timer timer : meters.find("matching.pages").tag("ranking", ranking).timers()) {
      tallies.put(
          timer.getId().getTag("answered-by"),
          new Tally(timer.count(), timer.totalTime(TimeUnit.MILLISECONDS)));
    }
    return tallies;
  }
}
