package sa.volunteering.matching.system.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends requests from a number of threads at once and records each one's latency. */
public final class Load {

  private static final Logger log = LoggerFactory.getLogger(Load.class);

  private Load() {}

  /** Latencies of one side, in milliseconds, and the wall time they took. */
  public record Latencies(String side, List<Double> millis, double seconds) {

    public double percentile(double p) {
      List<Double> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100 * sorted.size()) - 1)));
    }

    public double throughput() {
      return millis.size() / seconds;
    }

    public Latencies plus(Latencies other) {
      List<Double> all = new ArrayList<>(millis);
      all.addAll(other.millis);
      return new Latencies(side, all, seconds + other.seconds);
    }
  }

  /** Sends one request per item through {@code call}, from {@code concurrency} threads; fails if any answers other than 200. */
  public static <T> Latencies run(HttpClient http, String side, List<T> items, int concurrency, Function<T, HttpRequest> call) throws Exception {
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long started = System.nanoTime();
    try (ExecutorService threads = Executors.newFixedThreadPool(concurrency)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        workers.add(threads.submit(() -> {
          for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(call.apply(items.get(i)), HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
              failures.incrementAndGet();
              log.warn("{} answered {}: {}", side, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " " + side + " requests failed");
    }
    return new Latencies(side, List.copyOf(millis), (System.nanoTime() - started) / 1e9);
  }
}
