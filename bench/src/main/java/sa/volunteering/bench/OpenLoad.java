package sa.volunteering.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load: requests start at a constant rate whatever the answers do, and each latency
 * is counted from the moment its request was due, not from when it was sent. A slow answer
 * therefore delays no later request and hides no queueing (no coordinated omission). Requests are
 * taken from the list in turn.
 */
public final class OpenLoad {

  /** Latencies in microseconds, from each request's due time to its complete answer. */
  public record Result(
      String side,
      double rate,
      Histogram histogram,
      long sent,
      long errors,
      long overloaded,
      double seconds) {

    public double millis(double percentile) {
      return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private OpenLoad() {}

  /**
   * Sends {@code rate} requests a second for {@code duration}. Beyond {@code maxInFlight}
   * unanswered requests a due request is not sent but counted as overloaded, so a stalled side
   * cannot exhaust the machine.
   */
  public static Result run(
      HttpClient http,
      String side,
      List<HttpRequest> requests,
      double rate,
      Duration duration,
      int maxInFlight) {
    return interleaved(http, List.of(side), List.of(requests), rate, duration, maxInFlight).get(0);
  }

  /**
   * Several sides under one load in the same seconds, {@code ratePerSide} requests a second each:
   * the i-th request of every side is sent in one round, one after the other at the combined rate,
   * and the side that goes first moves on by one each round, so that no side always follows
   * another. {@code maxInFlight} bounds the unanswered requests of all sides together. One result
   * per side, in the order given.
   */
  public static List<Result> interleaved(
      HttpClient http,
      List<String> sides,
      List<List<HttpRequest>> requests,
      double ratePerSide,
      Duration duration,
      int maxInFlight) {
    int count = sides.size();
    if (count == 0
        || requests.size() != count
        || requests.stream().anyMatch(List::isEmpty)
        || ratePerSide <= 0) {
      throw new IllegalArgumentException(
          sides + ": an open load needs requests for every side and a positive rate");
    }
    List<Histogram> histograms = new ArrayList<>();
    List<AtomicLong> errors = new ArrayList<>();
    long[] sent = new long[count];
    long[] overloaded = new long[count];
    for (int side = 0; side < count; side++) {
      histograms.add(new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3));
      errors.add(new AtomicLong());
    }
    AtomicInteger inFlight = new AtomicInteger();
    // only this thread touches it: a list's size is a field, a concurrent queue's a walk
    List<CompletableFuture<?>> pending = new ArrayList<>();
    long interval = (long) (1_000_000_000L / (ratePerSide * count));
    long total = Math.max(count, (long) (duration.toNanos() / interval) / count * count);
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long round = i / count;
      int side = (int) ((i + round) % count);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      sent[side]++;
      if (inFlight.get() >= maxInFlight) {
        overloaded[side]++;
        continue;
      }
      inFlight.incrementAndGet();
      List<HttpRequest> ofSide = requests.get(side);
      HttpRequest request = ofSide.get((int) (round % ofSide.size()));
      Histogram histogram = histograms.get(side);
      AtomicLong failed = errors.get(side);
      pending.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
              .whenComplete(
                  (response, failure) -> {
                    histogram.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                    if (failure != null || response.statusCode() >= 400) {
                      failed.incrementAndGet();
                    }
                    inFlight.decrementAndGet();
                  }));
      if (pending.size() > 4 * maxInFlight) {
        pending.removeIf(CompletableFuture::isDone);
      }
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .orTimeout(2, TimeUnit.MINUTES)
        .exceptionally(timeout -> null)
        .join();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Result> results = new ArrayList<>();
    for (int side = 0; side < count; side++) {
      results.add(
          new Result(
              sides.get(side),
              ratePerSide,
              histograms.get(side),
              sent[side],
              errors.get(side).get(),
              overloaded[side],
              seconds));
    }
    return results;
  }
}
