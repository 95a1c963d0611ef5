package sa.volunteering.matching.stats;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import sa.volunteering.matching.search.stream.Followers;

/**
 * The platform summary of a period now and each time it changes, at most once per {@code
 * app.stats.live-every}. Followers of the same period share one computation.
 */
@Component
class LiveStats {

  private final StatsService stats;
  private final StatsProperties properties;
  private final Flux<String> folded;
  private final Map<Period, Flux<Summary>> shared = new ConcurrentHashMap<>();
  private final Followers followers;

  LiveStats(StatsService stats, StatsProperties properties, Folds folds, MeterRegistry meters) {
    this.stats = stats;
    this.properties = properties;
    this.folded = folds.notified();
    this.followers =
        new Followers(
            meters, "stats.live.followers", properties.liveMaxSubscribers(), "indicators");
  }

  Flux<Summary> follow(Period period) {
    return followers.follow(() -> shared.computeIfAbsent(period, this::summaries));
  }

  private Flux<Summary> summaries(Period period) {
    return Flux.concat(
            stats.computeSummary(period),
            folded
                .sample(properties.liveEvery())
                .concatMap(notified -> stats.computeSummary(period)))
        .distinctUntilChanged()
        .doFinally(signal -> shared.remove(period))
        .replay(1)
        .refCount();
  }
}
