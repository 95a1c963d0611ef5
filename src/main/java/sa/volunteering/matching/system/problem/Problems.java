package sa.volunteering.matching.system.problem;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems the API reports, by name. */
public final class Problems {

  private Problems() {}

  public static URI type(String slug) {
    return URI.create("/problems/" + slug);
  }

  public static ApiException notFound(String what, Object id) {
    return new ApiException(
        HttpStatus.NOT_FOUND,
        "not-found",
        "Not found",
        what + " " + id + " does not exist or is not visible to you");
  }

  public static ApiException unauthorized() {
    return new ApiException(
        HttpStatus.UNAUTHORIZED,
        "unauthorized",
        "Authentication required",
        "This needs a valid bearer token (missing, expired or not signed by this platform)");
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
  }

  public static ApiException staleVersion(String what, long sent, long current) {
    return new ApiException(
        HttpStatus.CONFLICT,
        "stale-version",
        "Stale version",
        what
            + " was changed meanwhile: you sent version "
            + sent
            + ", the current one is "
            + current
            + ". Read it again and retry.",
        Map.of("currentVersion", current));
  }

  public static ApiException conflict(String slug, String title, String detail) {
    return new ApiException(HttpStatus.CONFLICT, slug, title, detail);
  }

  public static ApiException invalidState(String what, String state, String action) {
    return new ApiException(
        HttpStatus.CONFLICT,
        "invalid-state",
        "Not allowed in this state",
        "Cannot " + action + " " + what + " while it is " + state,
        Map.of("state", state));
  }

  public static ApiException badRequest(
      String slug, String title, String detail, Map<String, ?> properties) {
    return new ApiException(HttpStatus.BAD_REQUEST, slug, title, detail, properties);
  }

  /**
   * A field that failed a rule the annotations cannot express (a taxonomy code, a date order, ...).
   */
  public static ApiException invalidField(String field, String rule, String message) {
    return badRequest(
        "validation",
        "Invalid request",
        message,
        Map.of("errors", List.of(FieldError.of(field, rule, message))));
  }

  /**
   * Several fields at once, worded as Spring's validation problems are ({@link ProblemHandler}).
   */
  public static ApiException invalidFields(List<FieldError> errors) {
    return badRequest("validation", "Invalid request", detailOf(errors), Map.of("errors", errors));
  }

  /** The detail of a validation problem: the one field and what is wrong, or how many are. */
  static String detailOf(List<FieldError> errors) {
    return errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid";
  }

  /**
   * Spring Security's firewall refused the request: a parameter name or a path it does not accept.
   */
  public static ApiException rejectedRequest() {
    return badRequest(
        "rejected-request",
        "Rejected request",
        "The request has a parameter name or path this service does not accept",
        Map.of());
  }

  /** A failure of ours; {@code reference} is logged with it, for the client to quote. */
  public static ProblemDetail internalError(String reference) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Quote reference "
                + reference
                + " if you report it.");
    problem.setType(type("internal-error"));
    problem.setTitle("Internal error");
    problem.setProperty("reference", reference);
    return problem;
  }

  /** The service cannot take the request now; the client may retry after {@code retryAfter}. */
  public static ApiException unavailable(String detail, Duration retryAfter) {
    return withRetryAfter(
        new ApiException(
            HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable", detail),
        retryAfter);
  }

  /** A dependency did not answer in time; the client may retry after {@code retryAfter}. */
  public static ApiException timedOut(String detail, Duration retryAfter) {
    return withRetryAfter(
        new ApiException(HttpStatus.GATEWAY_TIMEOUT, "timed-out", "Timed out", detail), retryAfter);
  }

  /** The client sent more requests than its share; it may send again after {@code retryAfter}. */
  public static ApiException tooManyRequests(String detail, Duration retryAfter) {
    return withRetryAfter(
        new ApiException(
            HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", detail),
        retryAfter);
  }

  private static ApiException withRetryAfter(ApiException problem, Duration retryAfter) {
    problem
        .getHeaders()
        .set(
            HttpHeaders.RETRY_AFTER,
            String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
    return problem;
  }

  /** One failed rule, as listed in a problem's {@code errors}. */
  public record FieldError(String field, String rule, String message) {
    public static FieldError of(String field, String rule, String message) {
      return new FieldError(field, rule, message);
    }
  }
}
