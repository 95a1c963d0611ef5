package sa.volunteering.matching.system.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import sa.volunteering.matching.system.problem.Problems;

/** A page of a list, checked against the configured bounds. */
public record PageRequest(int page, int size) {

  public static PageRequest of(
      @Nullable Integer page, @Nullable Integer size, ApiProperties limits) {
    int p = page == null ? 0 : page;
    int s = size == null ? limits.defaultPageSize() : size;
    if (p < 0 || p > 100_000) {
      throw Problems.badRequest(
          "validation",
          "Invalid request",
          "page must be between 0 and 100000",
          Map.of(
              "errors",
              List.of(Problems.FieldError.of("page", "Range", "must be between 0 and 100000"))));
    }
    if (s < 1 || s > limits.maxPageSize()) {
      String message = "must be between 1 and " + limits.maxPageSize();
      throw Problems.badRequest(
          "validation",
          "Invalid request",
          "size " + message,
          Map.of("errors", List.of(Problems.FieldError.of("size", "Range", message))));
    }
    return new PageRequest(p, s);
  }

  public long offset() {
    return (long) page * size;
  }
}
