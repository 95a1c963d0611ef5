package sa.volunteering.matching.system.observability;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * The id of a request: taken from {@code X-Request-Id} when a proxy in front set a sane one, made
 * here otherwise. It travels in the Reactor context under {@link #KEY}, which context propagation
 * copies into the logs' MDC, and to Elasticsearch as {@code X-Opaque-Id}, so that a slow search in
 * Elasticsearch's logs and tasks names its request.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  /** The Reactor context key and the MDC key alike. */
  public static final String KEY = "requestId";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final ThreadLocal<@Nullable String> CALLING = new ThreadLocal<>();

  private RequestIds() {}

  /** The proxy's id when it is short and plain, else null (a new one is made). */
  static @Nullable String accepted(@Nullable String header) {
    return header != null && SANE.matcher(header).matches() ? header : null;
  }

  public static @Nullable String of(ContextView context) {
    return context.hasKey(KEY) ? context.get(KEY) : null;
  }

  /** Runs a call with the request's id readable by the Elasticsearch transport on this thread. */
  public static <T> T during(@Nullable String id, java.util.function.Supplier<T> call) {
    if (id == null) {
      return call.get();
    }
    CALLING.set(id);
    try {
      return call.get();
    } finally {
      CALLING.remove();
    }
  }

  static @Nullable String calling() {
    return CALLING.get();
  }
}
