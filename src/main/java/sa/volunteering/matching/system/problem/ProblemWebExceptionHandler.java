package sa.volunteering.matching.system.problem;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * The last word on a failure that {@link ProblemHandler} did not answer: one raised outside a controller
 * (a filter, the firewall), or one whose answer could not be written in the representation the client
 * accepts (406). It is still a problem response in JSON, whatever the request accepted, and names nothing
 * internal. Ordered before Spring Boot's own handler, which would answer with its default error body.
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
    if (failure instanceof ErrorResponse response) {
      problem = response.getBody();
      exchange.getResponse().getHeaders().addAll(response.getHeaders());
      if (problem.getType() == null || "about:blank".equals(String.valueOf(problem.getType()))) {
        problem.setType(Problems.type(ProblemHandler.slug(response.getStatusCode())));
      }
      if (problem.getDetail() == null || problem.getDetail().contains("java.")) {
        problem.setDetail(String.valueOf(problem.getTitle()));
      }
    } else if (failure instanceof ServerExchangeRejectedException) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has a parameter name or path this service does not accept");
      problem.setType(Problems.type("rejected-request"));
      problem.setTitle("Rejected request");
    } else {
      String reference = ids.next().toString();
      log.error("Unexpected failure, reference {} ({} {})", reference, exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
          "Something went wrong on our side. Quote reference " + reference + " if you report it.");
      problem.setType(Problems.type("internal-error"));
      problem.setTitle("Internal error");
      problem.setProperty("reference", reference);
    }
    problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    exchange.getResponse().setStatusCode(HttpStatus.valueOf(problem.getStatus()));
    exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    DataBuffer body = exchange.getResponse().bufferFactory().wrap(json.writeValueAsBytes(problem));
    return exchange.getResponse().writeWith(Mono.just(body));
  }
}
