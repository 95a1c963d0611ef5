package sa.volunteering.matching.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Requests on threads of their own, each at its rate, counted by kind: answered (any status below
 * 500) or failed (5xx, or no answer).
 */
public final class PacedLoad {
  /** What a request supplier answers when it sent nothing this time. */
  public static final int NO_REQUEST = -1;

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final Map<String, AtomicInteger> answered = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> failed = new LinkedHashMap<>();

  /**
   * Sends {@code request} {@code perSecond} times a second, on a thread of its own, until {@link
   * #stop}.
   */
  public void every(String kind, int perSecond, IntSupplier request) {
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger ko = new AtomicInteger();
    answered.put(kind, ok);
    failed.put(kind, ko);
    long every = 1_000_000_000L / perSecond;
    Thread thread =
        Thread.ofPlatform()
            .name("load-" + kind)
            .start(
                () -> {
                  long start = System.nanoTime();
                  for (long i = 0; running.get(); i++) {
                    LockSupport.parkNanos(start + i * every - System.nanoTime());
                    int status;
                    try {
                      status = request.getAsInt();
                    } catch (RuntimeException noAnswer) {
                      status = 0;
                    }
                    if (status != NO_REQUEST) {
                      (status > 0 && status < 500 ? ok : ko).incrementAndGet();
                    }
                  }
                });
    threads.add(thread);
  }

  public int answered() {
    return answered.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public int failed() {
    return failed.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Failures of every kind but this one. */
  public int failedBut(String kind) {
    return failed() - failed.get(kind).get();
  }

  public Map<String, Integer> failedByKind() {
    Map<String, Integer> byKind = new LinkedHashMap<>();
    failed.forEach((kind, count) -> byKind.put(kind, count.get()));
    return byKind;
  }

  public void stop() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(60));
    }
  }
}
