package sa.volunteering.matching.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;
import reactor.core.scheduler.Schedulers;
import sa.volunteering.matching.security.Actor;

/**
 * The OpenAPI document at /v3/api-docs. Every operation lists the problem responses it can give,
 * derived from its shape, so that no endpoint is documented without its errors.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

  private static final String PROBLEM = "Problem";

  @Bean
  OpenAPI openApi() {
    Schema<?> problem =
        new ObjectSchema()
            .description("RFC 9457 problem details")
            .addProperty(
                "type",
                new StringSchema().description("names the problem, e.g. /problems/stale-version"))
            .addProperty("title", new StringSchema())
            .addProperty("status", new IntegerSchema())
            .addProperty("detail", new StringSchema())
            .addProperty("instance", new StringSchema())
            .addProperty(
                "errors",
                new Schema<>()
                    .type("array")
                    .description("for validation problems: field, rule, message"));
    return new OpenAPI()
        .info(
            new Info()
                .title("Opportunity matching")
                .version("v1")
                .description(
                    "Volunteering opportunities, volunteers, applications and hours. Errors are RFC 9457 problems."))
        .components(
            new Components()
                .addSchemas(PROBLEM, problem)
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  /**
   * springdoc hands its document out under a lock ({@code AbstractOpenApiResource#getOpenApi}): two
   * requests at once parked an event loop (the fuzz test's BlockHound caught it). Its requests run
   * on the bounded elastic scheduler, after every other filter (security, rate limits).
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  WebFilter openApiOffTheEventLoop(SpringDocConfigProperties springdoc) {
    String path = springdoc.getApiDocs().getPath();
    return (exchange, chain) ->
        exchange.getRequest().getPath().value().startsWith(path)
            ? chain.filter(exchange).subscribeOn(Schedulers.boundedElastic())
            : chain.filter(exchange);
  }

  @Bean
  OpenApiCustomizer problemResponses() {
    return api ->
        api.getPaths()
            .forEach(
                (path, item) ->
                    item.readOperationsMap()
                        .forEach(
                            (method, operation) -> {
                              boolean isPublicRead =
                                  method == PathItem.HttpMethod.GET
                                      && (path.startsWith("/api/taxonomy")
                                          || path.startsWith("/api/organizations")
                                          || path.startsWith("/api/opportunities"));
                              boolean hasBody = operation.getRequestBody() != null;
                              boolean hasInput =
                                  hasBody
                                      || operation.getParameters() != null
                                          && !operation.getParameters().isEmpty();
                              if (hasInput) {
                                add(operation, "400", "Invalid or malformed request");
                              }
                              if (!isPublicRead) {
                                add(operation, "401", "Missing, expired or invalid bearer token");
                                add(
                                    operation,
                                    "403",
                                    "The caller's role or organization does not allow this");
                              }
                              if (path.contains("{")) {
                                add(
                                    operation,
                                    "404",
                                    "No such object, or not visible to the caller");
                              }
                              if (method != PathItem.HttpMethod.GET) {
                                add(
                                    operation,
                                    "409",
                                    "Conflicts with the current state (stale version, no seat left, already applied, ...)");
                              }
                              if (hasBody) {
                                add(operation, "413", "Request body too large");
                                add(operation, "415", "Request body is not application/json");
                              }
                              add(
                                  operation,
                                  "500",
                                  "Unexpected failure; the problem carries a reference to the log");
                            }));
  }

  private static void add(Operation operation, String status, String description) {
    if (operation.getResponses().containsKey(status)) {
      return;
    }
    operation
        .getResponses()
        .addApiResponse(
            status,
            new ApiResponse()
                .description(description)
                .content(
                    new Content()
                        .addMediaType(
                            "application/problem+json",
                            new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
  }
}
