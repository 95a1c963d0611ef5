package sa.volunteering.matching.search.opportunities;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.SyncHandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import sa.volunteering.matching.system.problem.Problems;

/**
 * Reads {@link SearchParameters} from the query string, for the handlers that take them. Spring's
 * data binder did the same by reflection on the record's constructor, at a cost the search's flame
 * graph put at 9.3 % of the process's processor time (decision 0024). A value that is not of its
 * parameter's type is named in a 400 problem worded as the binder's were; an empty value is no
 * value; a list may repeat or hold commas (split by {@link QueryParser}).
 */
@Configuration(proxyBeanMethods = false)
class SearchParametersResolver implements SyncHandlerMethodArgumentResolver, WebFluxConfigurer {

  @Override
  public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
    configurer.addCustomResolver(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == SearchParameters.class;
  }

  @Override
  public Object resolveArgumentValue(
      MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
    return read(exchange.getRequest().getQueryParams());
  }

  static SearchParameters read(MultiValueMap<String, String> query) {
    Reader reader = new Reader(query);
    SearchParameters parameters =
        new SearchParameters(
            reader.text("q"),
            reader.list("city"),
            reader.list("region"),
            reader.list("field"),
            reader.list("skill"),
            reader.text("skills"),
            reader.list("mode"),
            reader.typed("from", LocalDate::parse, "a date (yyyy-mm-dd)"),
            reader.typed("to", LocalDate::parse, "a date (yyyy-mm-dd)"),
            reader.typed("lat", Double::valueOf, "a number"),
            reader.typed("lon", Double::valueOf, "a number"),
            reader.typed("radiusKm", Double::valueOf, "a number"),
            reader.text("gender"),
            reader.typed("age", Integer::valueOf, "a whole number within range"),
            reader.typed("organization", UUID::fromString, "an id (a UUID)"),
            reader.typed("includeFull", SearchParametersResolver::bool, "true or false"),
            reader.text("sort"),
            reader.typed("page", Integer::valueOf, "a whole number within range"),
            reader.typed("size", Integer::valueOf, "a whole number within range"),
            reader.typed("limit", Integer::valueOf, "a whole number within range"),
            reader.text("after"));
    if (!reader.errors.isEmpty()) {
      throw Problems.invalidFields(reader.errors);
    }
    return parameters;
  }

  private static Boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> throw new IllegalArgumentException(value);
    };
  }

  private static final class Reader {

    private final MultiValueMap<String, String> query;
    private final List<Problems.FieldError> errors = new ArrayList<>();

    Reader(MultiValueMap<String, String> query) {
      this.query = query;
    }

    @Nullable String text(String name) {
      return query.getFirst(name);
    }

    @Nullable List<String> list(String name) {
      List<String> values = query.get(name);
      return values == null
          ? null
          : values.stream().map(value -> value == null ? "" : value).toList();
    }

    <T> @Nullable T typed(String name, Function<String, T> parse, String expected) {
      String value = query.getFirst(name);
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        return parse.apply(value.strip());
      } catch (IllegalArgumentException | DateTimeParseException notOfItsType) {
        errors.add(Problems.FieldError.of(name, "typeMismatch", "is not " + expected));
        return null;
      }
    }
  }
}
