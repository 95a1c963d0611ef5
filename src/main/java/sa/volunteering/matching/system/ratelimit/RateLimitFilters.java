package sa.volunteering.matching.system.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.problem.ApiException;
import sa.volunteering.matching.system.problem.ProblemResponses;
import sa.volunteering.matching.system.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filters on {@code /api/}: one by client address, before authentication, so that a flood of
 * bad tokens is limited too; one by principal, after it. Spring Security's filter chain runs at
 * order -100.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitFilters {

  private static final String API = "/api/";

  @Bean
  SharedBuckets sharedBuckets(
      DatabaseClient database, RateLimitProperties properties, MeterRegistry meters) {
    return new SharedBuckets(database, properties.shared(), meters, System::nanoTime);
  }

  @Bean
  @Order(-200)
  WebFilter limitByAddress(
      RateLimitProperties properties, SharedBuckets shared, JsonMapper json, MeterRegistry meters) {
    Limiter limiter = new Limiter(properties, properties.perAddress(), shared, "address");
    Counter rejected = rejections(meters, "address");
    return (exchange, chain) ->
        limited(properties, exchange)
            ? admit(limiter, address(exchange), exchange, json, rejected, chain::filter)
            : chain.filter(exchange);
  }

  @Bean
  @Order(0)
  WebFilter limitByPrincipal(
      RateLimitProperties properties, SharedBuckets shared, JsonMapper json, MeterRegistry meters) {
    Limiter limiter = new Limiter(properties, properties.perPrincipal(), shared, "principal");
    Counter rejected = rejections(meters, "principal");
    return (exchange, chain) ->
        limited(properties, exchange)
            ? exchange
                .getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty("")
                .flatMap(
                    name ->
                        name.isEmpty()
                            ? chain.filter(exchange)
                            : admit(limiter, name, exchange, json, rejected, chain::filter))
            : chain.filter(exchange);
  }

  private static boolean limited(RateLimitProperties properties, ServerWebExchange exchange) {
    return properties.enabled() && exchange.getRequest().getPath().value().startsWith(API);
  }

  /**
   * Lets the request go on when its buckets have a token, else answers 429 with the time until they
   * will.
   */
  private static Mono<Void> admit(
      Limiter limiter,
      String key,
      ServerWebExchange exchange,
      JsonMapper json,
      Counter rejected,
      Function<ServerWebExchange, Mono<Void>> next) {
    return limiter
        .take(key)
        .flatMap(
            wait -> {
              if (wait.isZero()) {
                return next.apply(exchange);
              }
              rejected.increment();
              ApiException problem =
                  Problems.tooManyRequests(
                      "Too many requests from this "
                          + limiter.by()
                          + "; retry after the seconds in Retry-After",
                      wait);
              return ProblemResponses.write(exchange, problem, json);
            });
  }

  private static String address(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }

  private static Counter rejections(MeterRegistry meters, String by) {
    return Counter.builder("http.rate_limited")
        .description("Requests refused with 429")
        .tag("by", by)
        .register(meters);
  }
}
