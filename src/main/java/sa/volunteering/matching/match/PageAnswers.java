package sa.volunteering.matching.match;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * How pages of matches and candidates were answered, and how long Elasticsearch took for them: the
 * timer {@code matching.pages}, tagged with the {@code ranking} ({@code opportunities} or {@code
 * candidates}) and what {@code answered-by} the page: {@code set-1} or {@code set-2} (the documents
 * scored first, {@link MatchQueries.ScoredFirst}) or {@code whole} (the whole query, after the sets
 * could not prove their page). Its time runs from the first request of the page to the last answer.
 */
@Component
class PageAnswers {

  static final String METER = "matching.pages";
  static final String WHOLE = "whole";

  private record Key(Direction direction, String answeredBy) {}

  private final MeterRegistry meters;
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  PageAnswers(MeterRegistry meters) {
    this.meters = meters;
  }

  /** The name of the {@code tier}-th set scored first (from 0). */
  static String set(int tier) {
    return "set-" + (tier + 1);
  }

  void record(Direction direction, String answeredBy, long startedNanos) {
    timers
        .computeIfAbsent(
            new Key(direction, answeredBy), key -> timer(meters, key.direction(), key.answeredBy()))
        .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  static Timer timer(MeterRegistry meters, Direction direction, String answeredBy) {
    return Timer.builder(METER)
        .description("pages of ranked matches and candidates, by what answered them")
        .tag("ranking", direction.name().toLowerCase(Locale.ROOT))
        .tag("answered-by", answeredBy)
        .publishPercentileHistogram()
        .register(meters);
  }
}
