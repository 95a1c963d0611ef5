package sa.volunteering.matching.indexing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Lag made visible: the outbox backlog, the age of the oldest pending change and the parked rows, as
 * Micrometer gauges ({@code outbox.backlog}, {@code outbox.oldest.age}, {@code outbox.parked}) and as the
 * {@code indexing} health component. Lag beyond the threshold shows as {@code lagging: true} but keeps the
 * component UP: stale search results are no reason to take an instance out of service. The component is
 * DOWN only when the outbox cannot be read.
 */
@Component("indexingHealthIndicator")
class IndexingMonitor implements ReactiveHealthIndicator {

  private final OutboxQueue queue;
  private final IndexingProperties properties;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestMillis = new AtomicLong();
  private final AtomicLong parked = new AtomicLong();

  IndexingMonitor(OutboxQueue queue, IndexingProperties properties, MeterRegistry meters) {
    this.queue = queue;
    this.properties = properties;
    Gauge.builder("outbox.backlog", backlog, AtomicLong::get).description("outbox rows waiting to be indexed").register(meters);
    Gauge.builder("outbox.oldest.age", oldestMillis, value -> value.get() / 1000.0).baseUnit("seconds")
        .description("age of the oldest change not yet indexed").register(meters);
    Gauge.builder("outbox.parked", parked, AtomicLong::get).description("outbox rows that failed for good").register(meters);
  }

  @Override
  public Mono<Health> health() {
    return queue.backlog().zipWith(queue.countParked())
        .map(both -> {
          OutboxQueue.Backlog pending = both.getT1();
          backlog.set(pending.pending());
          oldestMillis.set((long) (pending.oldestSeconds() * 1000));
          parked.set(both.getT2());
          boolean lagging = Duration.ofMillis(oldestMillis.get()).compareTo(properties.lagThreshold()) > 0;
          return Health.up()
              .withDetail("lagging", lagging)
              .withDetail("backlog", pending.pending())
              .withDetail("oldestPendingSeconds", Math.round(pending.oldestSeconds()))
              .withDetail("parked", both.getT2())
              .withDetail("lagThreshold", properties.lagThreshold().toString())
              .build();
        })
        .timeout(Duration.ofSeconds(3))
        .onErrorResume(error -> Mono.just(Health.down().withDetail("error", error.toString()).build()));
  }
}
