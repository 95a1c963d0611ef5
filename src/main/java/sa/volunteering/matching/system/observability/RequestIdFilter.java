package sa.volunteering.matching.system.observability;

import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import sa.volunteering.matching.system.IdGenerator;

/**
 * First of all filters: gives the request its id (answered as {@code X-Request-Id}, put in the
 * Reactor context) and, when {@code app.observability.access-log} is on, logs one line when it
 * ends: method, path, status, duration, with Elastic Common Schema names. A stream ends when its
 * last event is written, or when the client goes away.
 */
@Component
@Order(Integer.MIN_VALUE)
class RequestIdFilter implements WebFilter {

  private static final Logger access = LoggerFactory.getLogger("access");

  private final IdGenerator ids;
  private final ObservabilityProperties properties;

  RequestIdFilter(IdGenerator ids, ObservabilityProperties properties) {
    this.ids = ids;
    this.properties = properties;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String proposed =
        RequestIds.accepted(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
    String id = proposed != null ? proposed : ids.next().toString();
    exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
    long started = System.nanoTime();
    Mono<Void> handled = chain.filter(exchange);
    if (properties.accessLog()) {
      handled =
          handled.doFinally(
              signal ->
                  log(
                      exchange.getRequest(),
                      exchange.getResponse().getStatusCode(),
                      signal,
                      id,
                      started));
    }
    return handled.contextWrite(context -> context.put(RequestIds.KEY, id));
  }

  private static void log(
      ServerHttpRequest request,
      @Nullable HttpStatusCode status,
      SignalType signal,
      String id,
      long started) {
    long nanos = System.nanoTime() - started;
    long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
    try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.KEY, id)) {
      access
          .atInfo()
          .addKeyValue("http.request.method", request.getMethod().name())
          .addKeyValue("url.path", request.getPath().value())
          .addKeyValue("http.response.status_code", status == null ? 0 : status.value())
          .addKeyValue("event.duration", nanos)
          .addKeyValue(
              "event.outcome",
              signal == SignalType.ON_ERROR || (status != null && status.is5xxServerError())
                  ? "failure"
                  : "success")
          .addKeyValue(
              "event.reason", signal == SignalType.CANCEL ? "the client went away" : "answered")
          .log(
              "{} {} {} {} ms",
              request.getMethod().name(),
              request.getPath().value(),
              status == null ? "-" : status.value(),
              millis);
    }
  }
}
