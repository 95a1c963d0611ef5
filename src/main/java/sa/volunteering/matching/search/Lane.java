package sa.volunteering.matching.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;
import sa.volunteering.matching.system.problem.Problems;

/**
 * A bounded lane of calls: at most {@code concurrency} in flight, at most {@code queue} waiting,
 * each waiting at most {@code maxWait} and running at most {@code timeout}. A call refused for room
 * fails with a 503 problem, one that ran out of time with a 504 one; both tell the client when to
 * retry. Each call is timed ({@code elasticsearch.calls}, by lane and outcome). The places are the
 * entries of a Reactor pool, which gives them back on completion, error and cancellation alike.
 */
final class Lane {

  private static final Object PLACE = new Object();

  private final String name;
  private final LaneProperties bounds;
  private final InstrumentedPool<Object> places;
  private final Counter refused;
  private final Counter timedOut;
  private final Map<SignalType, Timer> calls = new EnumMap<>(SignalType.class);

  Lane(String name, LaneProperties bounds, MeterRegistry meters) {
    this.name = name;
    this.bounds = bounds;
    this.places =
        PoolBuilder.from(Mono.just(PLACE))
            .sizeBetween(0, bounds.concurrency())
            .maxPendingAcquire(bounds.queue())
            .buildPool();
    this.refused = Counter.builder("elasticsearch.lane.refused").tag("lane", name).register(meters);
    this.timedOut =
        Counter.builder("elasticsearch.lane.timed_out").tag("lane", name).register(meters);
    for (Map.Entry<SignalType, String> outcome :
        Map.of(
                SignalType.ON_COMPLETE,
                "success",
                SignalType.ON_ERROR,
                "error",
                SignalType.CANCEL,
                "cancelled")
            .entrySet()) {
      calls.put(
          outcome.getKey(),
          Timer.builder("elasticsearch.calls")
              .description("calls to Elasticsearch, from a place in the lane to the answer")
              .tag("lane", name)
              .tag("outcome", outcome.getValue())
              .publishPercentileHistogram()
              .register(meters));
    }
    Gauge.builder("elasticsearch.lane.in_flight", places, pool -> pool.metrics().acquiredSize())
        .tag("lane", name)
        .register(meters);
    Gauge.builder("elasticsearch.lane.waiting", places, pool -> pool.metrics().pendingAcquireSize())
        .tag("lane", name)
        .register(meters);
  }

  <T> Mono<T> run(Mono<T> call) {
    return Mono.usingWhen(
            places.acquire(bounds.maxWait()),
            place -> timed(call.timeout(bounds.timeout())),
            PooledRef::release)
        .onErrorMap(
            error ->
                error instanceof PoolAcquirePendingLimitException
                    || error instanceof PoolAcquireTimeoutException,
            error -> {
              refused.increment();
              return Problems.unavailable(
                  "The search cluster is busy (" + name + " lane full); retry shortly",
                  bounds.maxWait());
            })
        .onErrorMap(
            TimeoutException.class,
            error -> {
              timedOut.increment();
              return Problems.timedOut(
                  "The search cluster did not answer within " + bounds.timeout().toSeconds() + " s",
                  bounds.maxWait());
            });
  }

  private <T> Mono<T> timed(Mono<T> call) {
    return Mono.defer(
        () -> {
          long started = System.nanoTime();
          return call.doFinally(
              signal -> {
                Timer timer = calls.get(signal);
                if (timer != null) {
                  timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
              });
        });
  }
}
