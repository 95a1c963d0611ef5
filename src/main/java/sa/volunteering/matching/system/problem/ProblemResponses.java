package sa.volunteering.matching.system.problem;

import java.net.URI;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the response, for the places that answer before or outside a
 * controller (security filters, rate limits, the last-resort exception handler). Always JSON,
 * whatever was accepted.
 */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static Mono<Void> write(
      ServerWebExchange exchange, ProblemDetail problem, JsonMapper json) {
    problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    exchange.getResponse().setStatusCode(HttpStatus.valueOf(problem.getStatus()));
    exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    DataBuffer body = exchange.getResponse().bufferFactory().wrap(json.writeValueAsBytes(problem));
    return exchange.getResponse().writeWith(Mono.just(body));
  }

  /** An {@link ApiException}'s problem, with its headers ({@code Retry-After}, ...). */
  public static Mono<Void> write(
      ServerWebExchange exchange, ApiException problem, JsonMapper json) {
    exchange.getResponse().getHeaders().addAll(problem.getHeaders());
    return write(exchange, problem.getBody(), json);
  }
}
