package sa.volunteering.matching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document lists every API endpoint the service really has, each with its problem
 * responses.
 */
@IntegrationTest
class OpenApiIT {

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyEndpointIsDocumentedWithItsErrors() {
    JsonNode paths = new Api(port).get("/v3/api-docs", null).body().path("paths");
    List<String> endpoints = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternsCondition()
                    .getPatterns()
                    .forEach(
                        pattern -> {
                          String path = pattern.getPatternString();
                          if (path.startsWith("/api/")) {
                            info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> endpoints.add(method + " " + path));
                          }
                        }));
    assertThat(endpoints).hasSizeGreaterThanOrEqualTo(33);

    for (String endpoint : endpoints) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path = endpoint.substring(endpoint.indexOf(' ') + 1);
      JsonNode operation = paths.path(path).path(method.toLowerCase(Locale.ROOT));
      assertThat(operation.isMissingNode()).as("%s is documented", endpoint).isFalse();
      assertThat(operation.path("summary").asString())
          .as("%s has a summary", endpoint)
          .isNotBlank();
      JsonNode responses = operation.path("responses");
      assertThat(responses.has("500")).as("%s documents 500", endpoint).isTrue();
      if (path.contains("{")) {
        assertThat(responses.has("404")).as("%s documents 404", endpoint).isTrue();
      }
      if (!method.equals(RequestMethod.GET.name())) {
        assertThat(responses.has("401") && responses.has("403") && responses.has("409"))
            .as("%s documents 401, 403, 409", endpoint)
            .isTrue();
      }
      responses
          .properties()
          .forEach(
              response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                  assertThat(response.getValue().path("content").has("application/problem+json"))
                      .as("%s %s is a problem", endpoint, response.getKey())
                      .isTrue();
                }
              });
      operation
          .path("parameters")
          .forEach(
              parameter ->
                  assertThat(parameter.path("name").asString())
                      .as("%s does not expose the actor", endpoint)
                      .isNotEqualTo("actor"));
    }
  }

  @Test
  void searchParametersAreDocumentedOneByOneInTheQuery() {
    JsonNode paths = new Api(port).get("/v3/api-docs", null).body().path("paths");
    for (String path : List.of("/api/opportunities/search", "/api/opportunities/search/stream")) {
      List<String> names = new ArrayList<>();
      paths
          .path(path)
          .path("get")
          .path("parameters")
          .forEach(
              parameter -> {
                assertThat(parameter.path("in").asString())
                    .as(path + " " + parameter)
                    .isIn("query", "header");
                names.add(parameter.path("name").asString());
              });
      assertThat(names)
          .as(path)
          .contains("q", "city", "field", "skill", "mode", "lat", "lon", "radiusKm", "sort");
    }
  }
}
