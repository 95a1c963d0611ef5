package sa.volunteering.matching.system.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.RowLocks;
import sa.volunteering.matching.support.TestDatabase;

/**
 * The buckets every instance shares, on the real PostgreSQL: three instances (each with a
 * connection pool of its own) together grant one limit, not three; an instance whose PostgreSQL
 * does not answer lets requests through and leaves the shared buckets alone for a while; rows of
 * full buckets are swept.
 */
@IntegrationTest
class SharedBucketsIT {

  private static final RateLimitProperties.Limit LIMIT = new RateLimitProperties.Limit(20, 10);
  private static final RateLimitProperties.Shared SHARED =
      new RateLimitProperties.Shared(
          true, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(1));

  @Autowired DatabaseClient database;

  @Autowired ConnectionFactory connections;

  @Autowired IdleBucketSweep sweep;

  /** One pool per instance; made once the context (and BlockHound with it) is up. */
  private List<ConnectionPool> pools = List.of();

  @BeforeEach
  void threeInstances() {
    pools = IntStream.range(0, 3).mapToObj(i -> pool(4)).toList();
  }

  @AfterEach
  void closePools() {
    pools.forEach(pool -> pool.dispose());
  }

  @Test
  void threeInstancesAtTwiceTheLimitEachGrantTheLimitOnce() {
    String key = "principal " + UUID.randomUUID();
    int attempts = 120;
    Duration every = Duration.ofMillis(25);
    long started = System.nanoTime();
    long granted =
        Flux.fromIterable(pools)
            .map(
                pool ->
                    new SharedBuckets(
                        DatabaseClient.create(pool),
                        SHARED,
                        new SimpleMeterRegistry(),
                        System::nanoTime))
            .flatMap(
                instance ->
                    Flux.interval(Duration.ZERO, every)
                        .take(attempts)
                        .flatMap(tick -> instance.take(key, LIMIT)))
            .filter(Duration::isZero)
            .count()
            .block(Duration.ofSeconds(30));
    double seconds = (attempts - 1) * every.toNanos() / 1e9;
    double allowed = LIMIT.burst() + LIMIT.perSecond() * seconds;
    System.out.printf(
        "shared rate limit (%.0f/s, burst %d): 3 instances at %.0f/s each for %.2f s (%.2f s in"
            + " all) -> %d granted of %.1f allowed (%.3f)%n",
        LIMIT.perSecond(),
        LIMIT.burst(),
        1e9 / every.toNanos(),
        seconds,
        (System.nanoTime() - started) / 1e9,
        granted,
        allowed,
        granted / allowed);
    assertThat((double) granted).isBetween(0.9 * allowed, 1.1 * allowed);
  }

  /**
   * What the shared bucket adds to a request: 2,000 takes one after the other on one connection,
   * the time each took, and the CPU time of the PostgreSQL process serving them (read from its
   * /proc entry when the server runs on this machine).
   */
  @Test
  void whatATokenCosts() {
    ConnectionPool one = pool(1);
    try {
      DatabaseClient client = DatabaseClient.create(one);
      SharedBuckets instance =
          new SharedBuckets(client, SHARED, new SimpleMeterRegistry(), System::nanoTime);
      RateLimitProperties.Limit ample = new RateLimitProperties.Limit(1_000_000, 1_000_000);
      String key = "principal " + UUID.randomUUID();
      int warmUp = 500;
      int takes = 2_000;
      Flux.range(0, warmUp).concatMap(i -> instance.take(key, ample)).blockLast();
      Integer backend =
          client
              .sql("select pg_backend_pid() as pid")
              .map(row -> row.get("pid", Integer.class))
              .one()
              .block(Duration.ofSeconds(10));
      long cpuBefore = BackendCpu.ticks(backend);
      long[] nanos = new long[takes];
      for (int i = 0; i < takes; i++) {
        long started = System.nanoTime();
        assertThat(instance.take(key, ample).block(Duration.ofSeconds(10))).isZero();
        nanos[i] = System.nanoTime() - started;
      }
      long cpuAfter = BackendCpu.ticks(backend);
      java.util.Arrays.sort(nanos);
      System.out.printf(
          "shared rate limit: %d takes one after the other: p50 %.3f ms, p99 %.3f ms; PostgreSQL"
              + " CPU %s per take%n",
          takes,
          nanos[takes / 2] / 1e6,
          nanos[takes * 99 / 100] / 1e6,
          cpuBefore < 0 || cpuAfter < 0
              ? "unknown (the server is not on this machine)"
              : String.format(
                  java.util.Locale.ROOT,
                  "%.3f ms",
                  (cpuAfter - cpuBefore) * BackendCpu.MILLIS_PER_TICK / takes));
      assertThat(nanos[takes / 2]).as("a take is one round trip").isLessThan(50_000_000L);
    } finally {
      one.dispose();
    }
  }

  @Test
  void anInstanceWhosePostgresqlDoesNotAnswerLetsRequestsThroughThenPauses() {
    String key = "address " + UUID.randomUUID();
    RateLimitProperties.Limit one = new RateLimitProperties.Limit(0.01, 1);
    AtomicLong now = new AtomicLong();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SharedBuckets instance =
        new SharedBuckets(
            DatabaseClient.create(pools.get(0)),
            new RateLimitProperties.Shared(
                true, Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMinutes(1)),
            meters,
            now::get);
    assertThat(instance.take(key, one).block(Duration.ofSeconds(10))).isZero();
    assertThat(instance.take(key, one).block(Duration.ofSeconds(10)))
        .as("the bucket is empty")
        .isPositive();

    Duration whileHeld =
        RowLocks.whileHeld(
                connections,
                "select tokens from rate_limit_buckets where bucket = $1 for update",
                List.of(key),
                instance.take(key, one))
            .block(Duration.ofSeconds(10));
    assertThat(whileHeld).as("no answer within the timeout: let through").isZero();
    assertThat(instance.take(key, one).block(Duration.ofSeconds(10)))
        .as("paused: let through without asking")
        .isZero();
    assertThat(meters.counter("http.rate_limit.shared_unavailable").count()).isEqualTo(2);

    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(instance.take(key, one).block(Duration.ofSeconds(10)))
        .as("after the pause the shared bucket counts again")
        .isPositive();
  }

  @Test
  void rowsOfFullBucketsAreSwept() {
    String idle = "address " + UUID.randomUUID();
    String busy = "address " + UUID.randomUUID();
    database
        .sql(
            "insert into rate_limit_buckets (bucket, tokens, refilled_at) values"
                + " (:idle, 0, clock_timestamp() - interval '1 hour'), (:busy, 0, clock_timestamp())")
        .bind("idle", idle)
        .bind("busy", busy)
        .then()
        .block(Duration.ofSeconds(10));
    assertThat(sweep.sweep().block(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1);
    assertThat(
            database
                .sql("select bucket from rate_limit_buckets where bucket in (:idle, :busy)")
                .bind("idle", idle)
                .bind("busy", busy)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block(Duration.ofSeconds(10)))
        .containsExactly(busy);
  }

  /** A process's CPU time in clock ticks from /proc, or -1 where it cannot be read. */
  private static final class BackendCpu {

    static final double MILLIS_PER_TICK = 10;

    static long ticks(@org.jspecify.annotations.Nullable Integer pid) {
      if (pid == null) {
        return -1;
      }
      try {
        String stat =
            java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid + "", "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (java.io.IOException | RuntimeException notHere) {
        return -1;
      }
    }
  }

  private static ConnectionPool pool(int connections) {
    TestDatabase database = TestDatabase.get();
    ConnectionFactory factory =
        ConnectionFactories.get(
            ConnectionFactoryOptions.parse(database.r2dbcUrl())
                .mutate()
                .option(ConnectionFactoryOptions.USER, database.user())
                .option(ConnectionFactoryOptions.PASSWORD, database.password())
                .build());
    return new ConnectionPool(
        ConnectionPoolConfiguration.builder(factory).initialSize(1).maxSize(connections).build());
  }
}
