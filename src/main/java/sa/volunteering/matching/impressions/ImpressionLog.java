package sa.volunteering.matching.impressions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.PeriodicJob;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes impressions to PostgreSQL off the request's path: {@link #record} only queues them (at
 * most {@code app.impressions.buffer}, lock-free; beyond that they are dropped and counted), and
 * every {@code flush-every} what waits is written in batches of {@code batch} rows, one statement
 * each. An impression is telemetry, not a write anyone was promised: a batch PostgreSQL refuses is
 * logged, counted ({@code impressions.failed}) and not retried.
 */
@Component
public class ImpressionLog extends PeriodicJob {

  private static final Logger log = LoggerFactory.getLogger(ImpressionLog.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DatabaseClient database;
  private final ImpressionProperties properties;
  private final Queue<Impression> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final Counter written;
  private final Counter dropped;
  private final Counter failed;

  ImpressionLog(DatabaseClient database, ImpressionProperties properties, MeterRegistry meters) {
    super("Writing impressions", properties.flushEvery(), true);
    this.database = database;
    this.properties = properties;
    this.written = meters.counter("impressions.written");
    this.dropped = meters.counter("impressions.dropped");
    this.failed = meters.counter("impressions.failed");
    meters.gauge("impressions.waiting", size);
  }

  /** Queues what was shown, to be written with the next batch; never waits. */
  public void record(List<Impression> shown) {
    if (!properties.enabled()) {
      return;
    }
    for (Impression impression : shown) {
      if (size.incrementAndGet() > properties.buffer()) {
        size.decrementAndGet();
        dropped.increment();
      } else {
        waiting.add(impression);
      }
    }
  }

  /** Writes everything waiting now; emits how many rows were written. */
  public Mono<Integer> flush() {
    return Flux.defer(() -> Flux.fromIterable(batches()))
        .concatMap(
            batch ->
                write(batch)
                    .doOnNext(count -> written.increment(count))
                    .onErrorResume(
                        error -> {
                          failed.increment(batch.size());
                          log.warn("Could not write {} impressions", batch.size(), error);
                          return Mono.just(0);
                        }))
        .reduce(0, Integer::sum);
  }

  private List<List<Impression>> batches() {
    List<List<Impression>> batches = new ArrayList<>();
    List<Impression> batch = new ArrayList<>();
    for (int taken = size.get(); taken > 0; taken--) {
      Impression impression = waiting.poll();
      if (impression == null) {
        break;
      }
      size.decrementAndGet();
      batch.add(impression);
      if (batch.size() == properties.batch()) {
        batches.add(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  private Mono<Integer> write(List<Impression> batch) {
    int n = batch.size();
    String[] shownAt = new String[n];
    UUID[] lists = new UUID[n];
    String[] directions = new String[n];
    UUID[] volunteers = new UUID[n];
    UUID[] opportunities = new UUID[n];
    Integer[] ranks = new Integer[n];
    Double[] scores = new Double[n];
    String[] components = new String[n];
    for (int i = 0; i < n; i++) {
      Impression impression = batch.get(i);
      shownAt[i] = impression.shownAt().toString();
      lists[i] = impression.list();
      directions[i] = impression.direction();
      volunteers[i] = UUID.fromString(impression.volunteerId());
      opportunities[i] = UUID.fromString(impression.opportunityId());
      ranks[i] = impression.rank();
      scores[i] = impression.score();
      components[i] = JSON.writeValueAsString(impression.components());
    }
    return database
        .sql(
            "insert into impressions (shown_at, list_id, direction, volunteer_id, opportunity_id, rank, score, components)"
                + " select s, l, d, v, o, r, p, c::jsonb from unnest(:shown::timestamptz[], :lists::uuid[],"
                + " :directions::text[], :volunteers::uuid[], :opportunities::uuid[], :ranks::int[],"
                + " :scores::float8[], :components::text[]) as t(s, l, d, v, o, r, p, c)")
        .bind("shown", shownAt)
        .bind("lists", lists)
        .bind("directions", directions)
        .bind("volunteers", volunteers)
        .bind("opportunities", opportunities)
        .bind("ranks", ranks)
        .bind("scores", scores)
        .bind("components", components)
        .fetch()
        .rowsUpdated()
        .map(Long::intValue);
  }

  @Override
  protected Mono<Integer> runOnce() {
    return flush();
  }

  /** Stops the periodic writes, then writes what still waits. */
  @Override
  public void stop(Runnable callback) {
    super.stop();
    flush().doFinally(signal -> callback.run()).subscribe();
  }

  @Override
  public void stop() {
    stop(() -> {});
  }
}
