package sa.volunteering.matching.system.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.IdGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last word on a failure that {@link ProblemHandler} did not answer: one raised outside a
 * controller (a filter, the firewall), or one whose answer could not be written in the
 * representation the client accepts (406). It is still a problem response in JSON, whatever the
 * request accepted, and names nothing internal. Ordered before Spring Boot's own handler, which
 * would answer with its default error body.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

  private final JsonMapper json;
  private final IdGenerator ids;

  ProblemWebExceptionHandler(JsonMapper json, IdGenerator ids) {
    this.json = json;
    this.ids = ids;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(failure);
    }
    ProblemDetail problem;
    if (failure instanceof ServerExchangeRejectedException) {
      return ProblemResponses.write(exchange, Problems.rejectedRequest(), json);
    }
    if (failure instanceof ErrorResponse response) {
      problem = response.getBody();
      exchange.getResponse().getHeaders().addAll(response.getHeaders());
      if (problem.getType() == null || "about:blank".equals(String.valueOf(problem.getType()))) {
        problem.setType(Problems.type(ProblemHandler.slug(response.getStatusCode())));
      }
      if (problem.getDetail() == null || problem.getDetail().contains("java.")) {
        problem.setDetail(String.valueOf(problem.getTitle()));
      }
    } else {
      String reference = ids.next().toString();
      log.error(
          "Unexpected failure, reference {} ({} {})",
          reference,
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          failure);
      problem = Problems.internalError(reference);
    }
    return ProblemResponses.write(exchange, problem, json);
  }
}
