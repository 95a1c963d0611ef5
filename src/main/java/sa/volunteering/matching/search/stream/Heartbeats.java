package sa.volunteering.matching.search.stream;

import java.time.Duration;
import reactor.core.publisher.Flux;

/**
 * Keep-alive events merged into a stream, so that proxies and browsers do not drop it while
 * Elasticsearch is slow or the result is long to compute. They stop at the summary, and while the
 * client is not reading at most one waits: the others are dropped.
 */
public final class Heartbeats {

  private Heartbeats() {}

  public static Flux<StreamEvent> around(Flux<StreamEvent> events, Duration every) {
    return events
        .publish(
            shared ->
                Flux.merge(
                    1,
                    shared,
                    Flux.interval(every)
                        .onBackpressureDrop()
                        .<StreamEvent>map(tick -> new StreamEvent.Heartbeat())
                        .takeUntilOther(shared.then())))
        .takeUntil(event -> event instanceof StreamEvent.Summary);
  }
}
