package sa.volunteering.matching.system.observability;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Copies the request id between the Reactor context and the logs' MDC on whichever thread an
 * operator runs ({@code spring.reactor.context-propagation: auto}). Registered through {@code
 * META-INF/services}.
 */
public final class RequestIdAccessor implements ThreadLocalAccessor<String> {

  @Override
  public Object key() {
    return RequestIds.KEY;
  }

  @Override
  public @Nullable String getValue() {
    return MDC.get(RequestIds.KEY);
  }

  @Override
  public void setValue(String value) {
    MDC.put(RequestIds.KEY, value);
  }

  @Override
  public void setValue() {
    MDC.remove(RequestIds.KEY);
  }
}
