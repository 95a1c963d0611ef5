package sa.volunteering.matching.system.problem;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.IdGenerator;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into an RFC 9457 problem with a named {@code type}. Validation problems list
 * each field with the rule it broke. Unexpected failures answer 500 with a reference to the log
 * line, and never with the exception's message.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final java.time.Duration UNREACHABLE_RETRY = java.time.Duration.ofSeconds(5);

  private final IdGenerator ids;
  private final tools.jackson.databind.json.JsonMapper json;

  ProblemHandler(IdGenerator ids, tools.jackson.databind.json.JsonMapper json) {
    this.ids = ids;
    this.json = json;
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
      WebExchangeBindException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    List<Problems.FieldError> errors =
        ex.getFieldErrors().stream()
            .map(
                error ->
                    Problems.FieldError.of(
                        error.getField(),
                        rule(error),
                        error.isBindingFailure()
                            ? "is not " + expected(error)
                            : String.valueOf(error.getDefaultMessage())))
            .toList();
    return validation(ex, errors, headers, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    List<Problems.FieldError> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                Problems.FieldError.of(
                                    String.valueOf(result.getMethodParameter().getParameterName()),
                                    error.getCodes() == null || error.getCodes().length == 0
                                        ? "invalid"
                                        : lastSegment(
                                            error.getCodes()[error.getCodes().length - 1]),
                                    String.valueOf(error.getDefaultMessage()))))
            .toList();
    return validation(ex, errors, headers, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    if (causeOf(ex, DataBufferLimitException.class) != null) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than this service accepts");
      problem.setType(Problems.type("payload-too-large"));
      problem.setTitle("Payload too large");
      return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, exchange);
    }
    JacksonException json = causeOf(ex, JacksonException.class);
    String parameter = mistypedParameter(ex);
    String detail;
    if (parameter != null) {
      detail = "The parameter " + parameter + " is not of the expected type or format";
    } else if (json != null && !json.getPath().isEmpty()) {
      detail = "The value at " + jsonPath(json) + " is not of the expected type or format";
    } else if (json != null) {
      detail = "The request body is not well-formed JSON";
    } else {
      detail = ex.getReason() == null ? "The request is malformed" : ex.getReason();
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(Problems.type("malformed-request"));
    problem.setTitle("Malformed request");
    if (parameter != null) {
      problem.setProperty("errors", List.of(Problems.FieldError.of(parameter, "type", detail)));
    } else if (json != null && !json.getPath().isEmpty()) {
      problem.setProperty(
          "errors", List.of(Problems.FieldError.of(jsonPath(json), "type", detail)));
    }
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
  }

  /** The request parameter a value of the wrong type was given for, if that is what went wrong. */
  private static @Nullable String mistypedParameter(ServerWebInputException ex) {
    MethodParameter parameter = ex.getMethodParameter();
    if (parameter == null || causeOf(ex, TypeMismatchException.class) == null) {
      return null;
    }
    RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
    if (annotation != null && !annotation.name().isEmpty()) {
      return annotation.name();
    }
    return parameter.getParameterName();
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      @Nullable HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    Object problemBody =
        body == null && ex instanceof ErrorResponse response ? response.getBody() : body;
    if (problemBody instanceof ProblemDetail problem) {
      if (problem.getType() == null || "about:blank".equals(String.valueOf(problem.getType()))) {
        problem.setType(Problems.type(slug(status)));
      }
      if (problem.getDetail() == null) {
        problem.setDetail(
            status.value() == 413
                ? "The request body is larger than this service accepts"
                : String.valueOf(problem.getTitle()));
      }
    }
    return super.handleExceptionInternal(
        ex, problemBody, problemHeaders(headers), status, exchange);
  }

  /**
   * Problems are JSON whatever the request accepted (a stream's client asked for NDJSON or events).
   */
  private static HttpHeaders problemHeaders(@Nullable HttpHeaders headers) {
    HttpHeaders problem = new HttpHeaders();
    if (headers != null) {
      problem.addAll(headers);
    }
    problem.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return problem;
  }

  /** A call to Elasticsearch or PostgreSQL that ran past its bound: the client may try again. */
  @ExceptionHandler(java.util.concurrent.TimeoutException.class)
  Mono<ResponseEntity<Object>> timedOut(
      java.util.concurrent.TimeoutException ex, ServerWebExchange exchange) {
    log.warn(
        "Timed out: {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath());
    ApiException problem =
        Problems.timedOut("A dependency did not answer in time", java.time.Duration.ofSeconds(1));
    return handleErrorResponseException(
        problem, problem.getHeaders(), problem.getStatusCode(), exchange);
  }

  /**
   * A malformed {@code Accept} or {@code Content-Type} read outside a controller (the web page's
   * welcome route reads Accept). Written straight to the response: negotiating its content type
   * would read the same header again.
   */
  @ExceptionHandler(org.springframework.http.InvalidMediaTypeException.class)
  Mono<Void> invalidMediaType(
      org.springframework.http.InvalidMediaTypeException ex, ServerWebExchange exchange) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request's Accept or Content-Type header is not a well-formed media type");
    problem.setType(Problems.type("malformed-request"));
    problem.setTitle("Malformed request");
    return ProblemResponses.write(exchange, problem, json);
  }

  @ExceptionHandler(Exception.class)
  Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
    String dependency = Unreachable.dependency(ex);
    if (dependency != null) {
      log.warn(
          "Unavailable: {} {}: {} could not be reached ({})",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          dependency,
          ex.toString());
      ApiException problem =
          Problems.unavailable(
              "The service cannot reach "
                  + dependency
                  + " right now; retry after the seconds in Retry-After",
              UNREACHABLE_RETRY);
      return handleErrorResponseException(
          problem, problem.getHeaders(), problem.getStatusCode(), exchange);
    }
    String reference = ids.next().toString();
    log.error(
        "Unexpected failure, reference {} ({} {})",
        reference,
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        ex);
    ProblemDetail problem = Problems.internalError(reference);
    return Mono.just(
        ResponseEntity.internalServerError()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem));
  }

  private Mono<ResponseEntity<Object>> validation(
      Exception ex,
      List<Problems.FieldError> errors,
      HttpHeaders headers,
      ServerWebExchange exchange) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Problems.detailOf(errors));
    problem.setType(Problems.type("validation"));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
  }

  /** What a value that could not be converted should have been, in words rather than Java types. */
  private static String expected(FieldError error) {
    String codes = error.getCodes() == null ? "" : String.join(" ", error.getCodes());
    if (codes.contains("LocalDate")) {
      return "a date (yyyy-mm-dd)";
    }
    if (codes.contains("UUID")) {
      return "an id (a UUID)";
    }
    if (codes.contains("Integer")
        || codes.contains("Long")
        || codes.contains("int")
        || codes.contains("long")) {
      return "a whole number within range";
    }
    if (codes.contains("Double")
        || codes.contains("Float")
        || codes.contains("BigDecimal")
        || codes.contains("double")) {
      return "a number";
    }
    if (codes.contains("Boolean") || codes.contains("boolean")) {
      return "true or false";
    }
    return "a value of the expected type";
  }

  /**
   * A body that does not read as its Content-Type says (a multipart one without a boundary, say).
   */
  @ExceptionHandler(org.springframework.core.codec.DecodingException.class)
  Mono<ResponseEntity<Object>> undecodable(Exception ex, ServerWebExchange exchange) {
    ApiException problem =
        Problems.badRequest(
            "malformed-request",
            "Malformed request",
            "The request body cannot be read as its Content-Type says",
            java.util.Map.of());
    return handleErrorResponseException(
        problem, problem.getHeaders(), problem.getStatusCode(), exchange);
  }

  /**
   * Spring Security's firewall refused the request (a parameter name or a path it does not accept).
   */
  @ExceptionHandler(
      org.springframework.security.web.server.firewall.ServerExchangeRejectedException.class)
  Mono<ResponseEntity<Object>> rejected(Exception ex, ServerWebExchange exchange) {
    ApiException problem = Problems.rejectedRequest();
    return handleErrorResponseException(
        problem, problem.getHeaders(), problem.getStatusCode(), exchange);
  }

  private static String rule(FieldError error) {
    return error.getCode() == null ? "invalid" : lastSegment(error.getCode());
  }

  private static String lastSegment(String code) {
    return code.substring(code.lastIndexOf('.') + 1);
  }

  private static String jsonPath(JacksonException json) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : json.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(root)" : path.toString();
  }

  static String slug(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "malformed-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      default -> status.is5xxServerError() ? "server-error" : "client-error";
    };
  }

  private static <T extends Throwable> @Nullable T causeOf(Throwable error, Class<T> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
