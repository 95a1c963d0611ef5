package sa.volunteering.matching.system.problem;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure a client can act on. Its {@code type} names the problem ({@code
 * /problems/stale-version}), never the request; its detail never echoes personal data.
 */
public class ApiException extends ErrorResponseException {

  public ApiException(HttpStatus status, String slug, String title, String detail) {
    this(status, slug, title, detail, Map.of());
  }

  public ApiException(
      HttpStatus status, String slug, String title, String detail, Map<String, ?> properties) {
    super(status, problem(status, slug, title, detail, properties), null);
  }

  private static ProblemDetail problem(
      HttpStatus status, String slug, String title, String detail, Map<String, ?> properties) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(Problems.type(slug));
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    return problem;
  }

  /** Every problem of this service has a type: the constructor sets it. */
  public URI type() {
    return Objects.requireNonNull(getBody().getType());
  }
}
