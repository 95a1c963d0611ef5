package sa.volunteering.matching.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import sa.volunteering.matching.system.PostgresNotifications;
import sa.volunteering.matching.system.problem.ApiException;

/**
 * The platform summary of a period now and each time it changes, at most once per {@code app.stats.live-every}.
 * Followers of the same period share one computation; the instance listens to the folder's notifications once.
 */
@Component
class LiveStats {

  private final StatsService stats;
  private final StatsProperties properties;
  private final Flux<String> folded;
  private final Map<Period, Flux<Summary>> shared = new ConcurrentHashMap<>();
  private final AtomicInteger followers = new AtomicInteger();

  LiveStats(StatsService stats, StatsProperties properties, PostgresNotifications notifications,
      io.micrometer.core.instrument.MeterRegistry meters) {
    this.stats = stats;
    this.properties = properties;
    this.folded = notifications.listen(IndicatorFolder.FOLDED).publish().refCount();
    meters.gauge("stats.live.followers", followers);
  }

  Flux<Summary> follow(Period period) {
    return Flux.defer(() -> {
      if (followers.incrementAndGet() > properties.liveMaxSubscribers()) {
        followers.decrementAndGet();
        return Flux.error(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "too-many-followers", "Too many live subscriptions",
            "This instance serves " + properties.liveMaxSubscribers() + " live indicator streams already; retry later"));
      }
      return shared.computeIfAbsent(period, this::summaries).doFinally(signal -> followers.decrementAndGet());
    });
  }

  private Flux<Summary> summaries(Period period) {
    return Flux.concat(stats.computeSummary(period), folded.sample(properties.liveEvery()).concatMap(notified -> stats.computeSummary(period)))
        .distinctUntilChanged()
        .doFinally(signal -> shared.remove(period))
        .replay(1)
        .refCount();
  }
}
