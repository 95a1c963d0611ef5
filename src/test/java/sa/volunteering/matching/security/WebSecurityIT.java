package sa.volunteering.matching.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;

/**
 * Security headers on every answer, CORS for configured origins only, probes but no actuator on the
 * main port, and no actuator endpoint but health, info and prometheus on the management port.
 */
@IntegrationTest
@TestPropertySource(properties = "app.web.cors.allowed-origins=https://front.example.sa")
class WebSecurityIT {

  private static final String ALLOWED = "https://front.example.sa";

  @LocalServerPort int port;

  @LocalManagementPort int managementPort;

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    for (String path :
        List.of(
            "/",
            "/app/main.js",
            "/api/taxonomy/fields",
            "/api/volunteers/me",
            "/readyz",
            "/nothing-here")) {
      HttpHeaders headers = get(path, null).getResponseHeaders();
      assertThat(headers.getFirst("Content-Security-Policy"))
          .as(path)
          .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("no-referrer");
      assertThat(headers.getFirst("Permissions-Policy")).as(path).contains("camera=()");
      assertThat(headers.getFirst("Cache-Control"))
          .as(path)
          .contains(path.startsWith("/app/") ? "no-cache" : "no-store");
    }
  }

  @Test
  void theWebPageIsPublicAndDemoSignInDoesNotExistUnlessTurnedOn() {
    EntityExchangeResult<byte[]> page = get("/", null);
    assertThat(page.getStatus().value()).isEqualTo(200);
    assertThat(new String(page.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("dir=\"rtl\"", "/app/main.js");
    assertThat(get("/app/search.js", null).getResponseHeaders().getContentType().toString())
        .contains("javascript");
    assertThat(get("/app/nothing.js", null).getStatus().value()).isEqualTo(404);
    assertThat(get("/api/demo/accounts", null).getStatus().value()).isEqualTo(404);
    assertThat(
            client()
                .post()
                .uri("/api/demo/sign-in")
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .bodyValue("{\"as\":\"volunteer\",\"id\":\"" + java.util.UUID.randomUUID() + "\"}")
                .exchange()
                .expectBody(byte[].class)
                .returnResult()
                .getStatus()
                .value())
        .isEqualTo(404);
  }

  @Test
  void aConfiguredOriginMayCallFromABrowserAndNoOtherMay() {
    EntityExchangeResult<byte[]> allowed = preflight(ALLOWED);
    assertThat(allowed.getStatus().value()).isEqualTo(200);
    assertThat(allowed.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo(ALLOWED);
    assertThat(allowed.getResponseHeaders().getAccessControlAllowHeaders())
        .contains("Authorization", "Last-Event-ID");

    EntityExchangeResult<byte[]> other = preflight("https://evil.example.com");
    assertThat(other.getStatus().value()).isEqualTo(403);
    assertThat(other.getResponseHeaders().getAccessControlAllowOrigin()).isNull();

    EntityExchangeResult<byte[]> simple =
        client()
            .get()
            .uri("/api/taxonomy/fields")
            .header(HttpHeaders.ORIGIN, ALLOWED)
            .exchange()
            .expectBody(byte[].class)
            .returnResult();
    assertThat(simple.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo(ALLOWED);
    assertThat(simple.getResponseHeaders().getAccessControlExposeHeaders()).contains("Retry-After");
  }

  @Test
  void theMainPortHasProbesButNoActuatorAndTheManagementPortOnlyHealthInfoAndPrometheus() {
    List<String> hidden =
        List.of(
            "env",
            "beans",
            "configprops",
            "metrics",
            "heapdump",
            "threaddump",
            "loggers",
            "mappings",
            "shutdown");
    for (String token : new String[] {null, Tokens.admin()}) {
      String who = token == null ? "no token" : "an admin token";
      for (String endpoint : concat(hidden, List.of("health", "info", "prometheus"))) {
        assertThat(get("/actuator/" + endpoint, token).getStatus().value())
            .as("main port /actuator/%s with %s", endpoint, who)
            .isIn(401, 403, 404);
      }
      for (String endpoint : hidden) {
        assertThat(get(managementPort, "/actuator/" + endpoint, token).getStatus().value())
            .as("management port /actuator/%s with %s", endpoint, who)
            .isIn(401, 403, 404);
      }
    }
    assertThat(get("/livez", null).getStatus().value()).isEqualTo(200);
    assertThat(get("/readyz", null).getStatus().value()).isEqualTo(200);
    assertThat(get(managementPort, "/actuator/health", null).getStatus().value()).isEqualTo(200);
    assertThat(get(managementPort, "/actuator/prometheus", null).getStatus().value())
        .isEqualTo(200);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  @Test
  void tokensThatAreExpiredForeignUnsignedOrGarbageAreRefused() {
    String unsignedAdmin =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes())
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"sub\":\"x\",\"roles\":[\"ADMIN\"]}".getBytes())
            + ".";
    for (String token :
        List.of(
            Tokens.expiredAdmin(), Tokens.signedWithAnotherKey(), unsignedAdmin, "not-a-token")) {
      EntityExchangeResult<byte[]> answer = get("/api/admin/indexing/failures", token);
      assertThat(answer.getStatus().value()).as(token).isEqualTo(401);
      assertThat(answer.getResponseHeaders().getFirst("WWW-Authenticate"))
          .as(token)
          .startsWith("Bearer");
      assertThat(answer.getResponseHeaders().getContentType())
          .hasToString("application/problem+json");
    }
    assertThat(get("/api/admin/indexing/failures", Tokens.admin()).getStatus().value())
        .isEqualTo(200);
  }

  private EntityExchangeResult<byte[]> preflight(String origin) {
    return client()
        .options()
        .uri("/api/opportunities/search")
        .header(HttpHeaders.ORIGIN, origin)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Last-Event-ID")
        .exchange()
        .expectBody(byte[].class)
        .returnResult();
  }

  private EntityExchangeResult<byte[]> get(String path, String token) {
    return get(port, path, token);
  }

  private EntityExchangeResult<byte[]> get(int port, String path, String token) {
    WebTestClient.RequestHeadersSpec<?> request = client(port).get().uri(path);
    if (token != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return request.exchange().expectBody(byte[].class).returnResult();
  }

  private WebTestClient client() {
    return client(port);
  }

  private static WebTestClient client(int port) {
    return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
  }
}
