package sa.volunteering.matching.search.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import sa.volunteering.matching.system.problem.ApiException;

/**
 * Live streams that follow something until the client leaves: counted per instance (and as a
 * gauge), refused with 503 beyond {@code max}.
 */
public final class Followers {

  private final AtomicInteger count = new AtomicInteger();
  private final int max;
  private final String what;

  /**
   * @param what what the streams follow, for the refusal ("volunteers' live matches")
   */
  public Followers(MeterRegistry meters, String gauge, int max, String what) {
    this.max = max;
    this.what = what;
    meters.gauge(gauge, count);
  }

  /** Streams open now. */
  public int count() {
    return count.get();
  }

  /**
   * The stream, counted from subscription to its end; a 503 problem when this instance serves
   * {@code max} already.
   */
  public <T> Flux<T> follow(Supplier<Flux<T>> stream) {
    return Flux.defer(
        () -> {
          if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            return Flux.error(
                new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "too-many-followers",
                    "Too many live subscriptions",
                    "This instance serves "
                        + max
                        + " live streams of "
                        + what
                        + " already; retry later"));
          }
          return stream.get().doFinally(signal -> count.decrementAndGet());
        });
  }
}
