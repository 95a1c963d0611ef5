package sa.volunteering.matching.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.problem.ProblemResponses;
import sa.volunteering.matching.system.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security filters, written as the same problem responses as the rest of the
 * API.
 */
@Component
class ProblemWriter {

  private final JsonMapper json;

  ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  ServerAuthenticationEntryPoint unauthorized() {
    return (exchange, error) -> {
      exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      return write(
          exchange,
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "Authentication required",
          "This needs a valid bearer token (missing, expired or not signed by this platform)");
    };
  }

  ServerAccessDeniedHandler forbidden() {
    return (exchange, error) ->
        write(
            exchange,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Forbidden",
            "Your role does not allow this");
  }

  ServerExchangeRejectedHandler rejected() {
    return (exchange, error) -> ProblemResponses.write(exchange, Problems.rejectedRequest(), json);
  }

  private Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(Problems.type(slug));
    problem.setTitle(title);
    return ProblemResponses.write(exchange, problem, json);
  }
}
