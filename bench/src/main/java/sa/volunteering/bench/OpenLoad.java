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
    if (requests.isEmpty() || rate <= 0) {
      throw new IllegalArgumentException(
          side + ": an open load needs requests and a positive rate");
    }
    Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    AtomicLong errors = new AtomicLong();
    AtomicLong overloaded = new AtomicLong();
    AtomicInteger inFlight = new AtomicInteger();
    // only this thread touches it: a list's size is a field, a concurrent queue's a walk
    List<CompletableFuture<?>> pending = new ArrayList<>();
    long interval = (long) (1_000_000_000L / rate);
    long total = Math.max(1, (long) (duration.toNanos() / interval));
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      if (inFlight.get() >= maxInFlight) {
        overloaded.incrementAndGet();
        continue;
      }
      inFlight.incrementAndGet();
      HttpRequest request = requests.get((int) (i % requests.size()));
      pending.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
              .whenComplete(
                  (response, failure) -> {
                    histogram.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                    if (failure != null || response.statusCode() >= 400) {
                      errors.incrementAndGet();
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
    return new Result(side, rate, histogram, total, errors.get(), overloaded.get(), seconds);
  }
}
