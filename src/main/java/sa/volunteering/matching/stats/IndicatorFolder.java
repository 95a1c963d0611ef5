package sa.volunteering.matching.stats;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import sa.volunteering.matching.system.Columns;

/**
 * Folds the changes written to the counted tables into the indicator summaries, every {@code
 * app.stats.fold-every}, a batch at a time until none is left. Instances take turns (the database
 * function folds under an advisory lock).
 */
@Component
public class IndicatorFolder implements SmartLifecycle {

  /** What the database notifies after each fold. */
  static final String FOLDED = "indicators_folded";

  private static final Logger log = LoggerFactory.getLogger(IndicatorFolder.class);
  private static final int FOLDING_ELSEWHERE = -1;

  private final DatabaseClient database;
  private final CityRegions regions;
  private final Answers answers;
  private final StatsProperties properties;
  private volatile Disposable folding = () -> {};
  private volatile boolean running;

  IndicatorFolder(
      DatabaseClient database, CityRegions regions, Answers answers, StatsProperties properties) {
    this.database = database;
    this.regions = regions;
    this.answers = answers;
    this.properties = properties;
  }

  /** Changes folded by one call: at most a batch; -1 when another instance is folding. */
  Mono<Integer> foldOnce() {
    return database
        .sql("select fold_indicator_changes(:batch) as folded")
        .bind("batch", properties.foldBatch())
        .map(row -> Columns.required(row, "folded", Integer.class))
        .one()
        .doOnNext(
            folded -> {
              if (folded > 0) {
                answers.forget();
              }
            });
  }

  /**
   * Folds until nothing is pending, waiting for another instance's turn if need be; completes with
   * how many it folded.
   */
  public Mono<Long> drain() {
    return foldOnce()
        .flatMap(
            folded ->
                folded == FOLDING_ELSEWHERE
                    ? Mono.delay(Duration.ofMillis(20)).thenReturn(folded)
                    : Mono.just(folded))
        .repeat()
        .takeUntil(folded -> folded == 0)
        .filter(folded -> folded > 0)
        .reduce(0L, Long::sum);
  }

  @Override
  public void start() {
    running = true;
    folding =
        regions
            .write()
            .doOnError(
                error ->
                    log.warn("Could not write which region each city is in; trying again", error))
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                    .maxBackoff(Duration.ofSeconds(30)))
            .thenMany(Flux.interval(Duration.ZERO, properties.foldEvery()).onBackpressureDrop())
            .concatMap(
                tick ->
                    drain()
                        .onErrorResume(
                            error -> {
                              log.warn(
                                  "Could not fold indicator changes; trying again in {}",
                                  properties.foldEvery(),
                                  error);
                              return Mono.empty();
                            }),
                0)
            .subscribe(
                folded -> {
                  if (folded > 10_000) {
                    log.info("Folded {} indicator changes", folded);
                  }
                },
                error -> log.error("Indicator folding stopped", error));
  }

  @Override
  public void stop() {
    folding.dispose();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
