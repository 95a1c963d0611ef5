package sa.volunteering.matching.indexing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * Lag made visible: the outbox backlog, the age of the oldest pending change and the parked rows,
 * as Micrometer gauges ({@code outbox.backlog}, {@code outbox.oldest.age}, {@code outbox.parked},
 * read again every {@code app.indexing.monitor-interval}) and as the {@code indexing} health
 * component, which is part of readiness: it is DOWN when the outbox cannot be read and when the
 * oldest pending change is older than the lag threshold (decision 0019).
 */
@Component("indexingHealthIndicator")
class IndexingMonitor implements ReactiveHealthIndicator, SmartLifecycle {

  private final OutboxQueue queue;
  private final IndexingProperties properties;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestMillis = new AtomicLong();
  private final AtomicLong parked = new AtomicLong();
  private volatile @Nullable Disposable refreshing;

  IndexingMonitor(OutboxQueue queue, IndexingProperties properties, MeterRegistry meters) {
    this.queue = queue;
    this.properties = properties;
    Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
        .description("outbox rows waiting to be indexed")
        .register(meters);
    Gauge.builder("outbox.oldest.age", oldestMillis, value -> value.get() / 1000.0)
        .baseUnit("seconds")
        .description("age of the oldest change not yet indexed")
        .register(meters);
    Gauge.builder("outbox.parked", parked, AtomicLong::get)
        .description("outbox rows that failed for good")
        .register(meters);
  }

  @Override
  public Mono<Health> health() {
    return refresh()
        .map(
            pending -> {
              boolean lagging =
                  Duration.ofMillis(oldestMillis.get()).compareTo(properties.lagThreshold()) > 0;
              return (lagging ? Health.down() : Health.up())
                  .withDetail("lagging", lagging)
                  .withDetail("backlog", pending.pending())
                  .withDetail("oldestPendingSeconds", Math.round(pending.oldestSeconds()))
                  .withDetail("parked", parked.get())
                  .withDetail("lagThreshold", properties.lagThreshold().toString())
                  .build();
            })
        .onErrorResume(
            error -> Mono.just(Health.down().withDetail("error", error.toString()).build()));
  }

  private Mono<OutboxQueue.Backlog> refresh() {
    return queue
        .backlog()
        .zipWith(queue.countParked())
        .doOnNext(
            both -> {
              backlog.set(both.getT1().pending());
              oldestMillis.set((long) (both.getT1().oldestSeconds() * 1000));
              parked.set(both.getT2());
            })
        .map(Tuple2::getT1)
        .timeout(Duration.ofSeconds(3));
  }

  @Override
  public void start() {
    refreshing =
        Flux.interval(properties.monitorInterval())
            .concatMap(tick -> refresh().onErrorResume(error -> Mono.empty()), 0)
            .subscribe();
  }

  @Override
  public void stop() {
    Disposable running = refreshing;
    if (running != null) {
      running.dispose();
    }
    refreshing = null;
  }

  @Override
  public boolean isRunning() {
    return refreshing != null;
  }
}
