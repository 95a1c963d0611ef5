package sa.volunteering.matching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * A catalogue of malformed requests: every one gets a 4xx problem response naming what is wrong,
 * none a 5xx.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  Api api;
  UUID organization;
  UUID opportunity;

  /** One malformed request; {@code field} is the field the problem must name, when there is one. */
  record Case(
      String name,
      HttpMethod method,
      Function<MalformedRequestsIT, String> path,
      Role role,
      @Nullable String contentType,
      byte[] body,
      int status,
      @Nullable String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  enum Role {
    ADMIN,
    MEMBER,
    VOLUNTEER
  }

  @BeforeAll
  void fixtures() {
    api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    organization = fixtures.organization();
    opportunity = fixtures.draft(organization, 5);
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    Function<MalformedRequestsIT, String> organizations = test -> "/api/organizations";
    Function<MalformedRequestsIT, String> opportunities =
        test -> "/api/organizations/" + test.organization + "/opportunities";
    Function<MalformedRequestsIT, String> volunteers = test -> "/api/volunteers";

    cases.add(
        json(
            "broken JSON", HttpMethod.POST, organizations, Role.ADMIN, "{\"nameAr\": ", 400, null));
    cases.add(
        json(
            "array instead of object",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            "[]",
            400,
            null));
    cases.add(json("empty body", HttpMethod.POST, organizations, Role.ADMIN, "", 400, null));
    cases.add(json("null body", HttpMethod.POST, organizations, Role.ADMIN, "null", 400, null));
    cases.add(
        json(
            "missing name",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            organization(Map.of("nameAr", "")),
            400,
            "nameAr"));
    cases.add(
        json(
            "overlong name",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            organization(Map.of("nameAr", "ب".repeat(201))),
            400,
            "nameAr"));
    cases.add(
        json(
            "unknown organization kind",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            organization(Map.of("kind", "charity")),
            400,
            "kind"));
    cases.add(
        json(
            "unknown city code",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            organization(Map.of("cityCode", "atlantis")),
            400,
            "cityCode"));
    cases.add(
        json(
            "string where a boolean belongs",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            organization(Map.of("verified", "yes")),
            400,
            "verified"));
    cases.add(
        json(
            "unknown property",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            organization(Map.of("founder", "x")),
            400,
            null));
    cases.add(
        new Case(
            "text/plain body",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            "text/plain",
            "nameAr=x".getBytes(StandardCharsets.UTF_8),
            415,
            null));
    cases.add(
        new Case(
            "XML body",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            "application/xml",
            "<organization/>".getBytes(StandardCharsets.UTF_8),
            415,
            null));
    cases.add(
        new Case(
            "oversized body",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            "application/json",
            organization(Map.of("nameAr", "ب".repeat(400_000))).getBytes(StandardCharsets.UTF_8),
            413,
            null));
    cases.add(
        new Case(
            "invalid UTF-8",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            "application/json",
            new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            400,
            null));
    cases.add(
        empty(
            "malformed UUID in the path",
            HttpMethod.GET,
            test -> "/api/organizations/not-a-uuid",
            400));
    cases.add(empty("page size zero", HttpMethod.GET, test -> "/api/organizations?size=0", 400));
    cases.add(
        empty(
            "page size above the limit",
            HttpMethod.GET,
            test -> "/api/organizations?size=1000",
            400));
    cases.add(empty("negative page", HttpMethod.GET, test -> "/api/organizations?page=-1", 400));
    cases.add(
        empty(
            "page size not a number", HttpMethod.GET, test -> "/api/organizations?size=ten", 400));
    cases.add(
        new Case(
            "method not allowed",
            HttpMethod.PATCH,
            organizations,
            Role.ADMIN,
            "application/json",
            "{}".getBytes(),
            405,
            null));

    cases.add(
        json(
            "negative seats",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(Map.of("seats", -1)),
            400,
            "seats"));
    cases.add(
        json(
            "seats not a number",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(Map.of("seats", "ten")),
            400,
            "seats"));
    cases.add(
        json(
            "unparseable date",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(Map.of("startsAt", "tomorrow")),
            400,
            "startsAt"));
    cases.add(
        json(
            "end before start",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(
                Map.of("startsAt", "2030-01-10T08:00:00Z", "endsAt", "2030-01-09T08:00:00Z")),
            400,
            "endsAt"));
    cases.add(
        json(
            "unknown field code",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(Map.of("fieldCode", "astrology")),
            400,
            "fieldCode"));
    cases.add(
        json(
            "unknown skill code",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(Map.of("requiredSkills", List.of(Map.of("code", "juggling", "weight", 1)))),
            400,
            "requiredSkills[0].code"));
    cases.add(
        json(
            "skill listed twice",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(
                Map.of(
                    "requiredSkills",
                    List.of(
                        Map.of("code", "first_aid", "weight", 1),
                        Map.of("code", "first_aid", "weight", 0.5)))),
            400,
            "requiredSkills[1].code"));
    cases.add(
        json(
            "skill weight above one",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(
                Map.of("requiredSkills", List.of(Map.of("code", "first_aid", "weight", 5)))),
            400,
            "requiredSkills[0].weight"));
    cases.add(
        json(
            "unknown mode",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(Map.of("mode", "online")),
            400,
            "mode"));
    cases.add(
        json(
            "minimum age above maximum",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(Map.of("minAge", 40, "maxAge", 18)),
            400,
            "maxAge"));
    cases.add(
        json(
            "zero hours",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(Map.of("hours", 0)),
            400,
            "hours"));
    cases.add(
        json(
            "latitude out of range",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(Map.of("lat", 200)),
            400,
            "lat"));
    cases.add(
        json(
            "title too short",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(Map.of("titleAr", "ab")),
            400,
            "titleAr"));
    cases.add(
        json(
            "too many skills",
            HttpMethod.POST,
            opportunities,
            Role.MEMBER,
            opportunity(
                Map.of(
                    "requiredSkills",
                    IntStream.range(0, 31)
                        .mapToObj(i -> Map.of("code", "first_aid", "weight", 1))
                        .toList())),
            400,
            "requiredSkills"));
    cases.add(
        json(
            "update without version",
            HttpMethod.PUT,
            test -> "/api/opportunities/" + test.opportunity,
            Role.MEMBER,
            opportunity(Map.of()),
            400,
            "version"));

    cases.add(
        json(
            "national ID too short",
            HttpMethod.POST,
            volunteers,
            Role.VOLUNTEER,
            registration("123", Map.of()),
            400,
            "nationalId"));
    cases.add(
        json(
            "national ID with letters",
            HttpMethod.POST,
            volunteers,
            Role.VOLUNTEER,
            registration("10A4567890", Map.of()),
            400,
            "nationalId"));
    cases.add(
        json(
            "phone not Saudi mobile",
            HttpMethod.POST,
            volunteers,
            Role.VOLUNTEER,
            registration(Fixtures.nationalId(), Map.of("phone", "12345")),
            400,
            "profile.phone"));
    cases.add(
        json(
            "malformed e-mail",
            HttpMethod.POST,
            volunteers,
            Role.VOLUNTEER,
            registration(Fixtures.nationalId(), Map.of("email", "sara@")),
            400,
            "profile.email"));
    cases.add(
        json(
            "birth date in the future",
            HttpMethod.POST,
            volunteers,
            Role.VOLUNTEER,
            registration(Fixtures.nationalId(), Map.of("birthDate", "2090-01-01")),
            400,
            "profile.birthDate"));
    cases.add(
        json(
            "impossible birth date",
            HttpMethod.POST,
            volunteers,
            Role.VOLUNTEER,
            registration(Fixtures.nationalId(), Map.of("birthDate", "1990-13-45")),
            400,
            "profile.birthDate"));
    cases.add(
        json(
            "language not a code",
            HttpMethod.POST,
            volunteers,
            Role.VOLUNTEER,
            registration(Fixtures.nationalId(), Map.of("languages", List.of("arabic"))),
            400,
            "profile.languages[0]"));
    cases.add(
        json(
            "unknown weekday",
            HttpMethod.POST,
            volunteers,
            Role.VOLUNTEER,
            registration(Fixtures.nationalId(), Map.of("weekdays", List.of("monday"))),
            400,
            "profile.weekdays[0]"));
    cases.add(
        json(
            "negative travel distance",
            HttpMethod.POST,
            volunteers,
            Role.VOLUNTEER,
            registration(Fixtures.nationalId(), Map.of("travelKm", -5)),
            400,
            "profile.travelKm"));
    cases.add(
        json(
            "unknown skill in profile",
            HttpMethod.POST,
            volunteers,
            Role.VOLUNTEER,
            registration(Fixtures.nationalId(), Map.of("skillCodes", List.of("juggling"))),
            400,
            "profile.skillCodes[0]"));
    cases.add(
        json(
            "missing profile",
            HttpMethod.POST,
            volunteers,
            Role.VOLUNTEER,
            "{\"nationalId\": \"" + Fixtures.nationalId() + "\"}",
            400,
            "profile"));
    cases.add(
        empty(
            "malformed UUID in an action",
            HttpMethod.POST,
            test -> "/api/applications/not-a-uuid/accept",
            400));
    cases.add(
        json(
            "hours in the future",
            HttpMethod.POST,
            test -> "/api/applications/" + UUID.randomUUID() + "/hours",
            Role.MEMBER,
            "{\"workedOn\": \"2099-01-01\", \"hours\": 4}",
            400,
            "workedOn"));
    cases.add(
        json(
            "hours before 2000",
            HttpMethod.POST,
            test -> "/api/applications/" + UUID.randomUUID() + "/hours",
            Role.MEMBER,
            "{\"workedOn\": \"1969-12-31\", \"hours\": 4}",
            400,
            "workedOn"));
    cases.add(
        json(
            "more than 24 hours a day",
            HttpMethod.POST,
            test -> "/api/applications/" + UUID.randomUUID() + "/hours",
            Role.MEMBER,
            "{\"workedOn\": \"2024-01-01\", \"hours\": 30}",
            400,
            "hours"));
    // found by FuzzIT: each was a 500 or a body that was not a problem response
    cases.add(
        json(
            "NUL in a text field",
            HttpMethod.POST,
            organizations,
            Role.ADMIN,
            organization(Map.of("nameAr", "جمعية\u0000")),
            400,
            "nameAr"));
    cases.add(
        empty(
            "a date that is not one",
            HttpMethod.GET,
            test -> "/api/opportunities/search?from=yesterday",
            400));
    cases.add(
        empty(
            "an encoded dot-dot in the path",
            HttpMethod.GET,
            test -> "/api/opportunities/%252e%252e/applications",
            400));
    return cases;
  }

  /**
   * FuzzIT once found this a 500, when Spring's binder read a search's parameters from a form body
   * too; a search reads its query string only (decision 0024), so the body of a GET is not read.
   */
  @org.junit.jupiter.api.Test
  void aSearchReadsItsQueryStringNotTheBodyOfTheGet() {
    Api.Response response =
        api.raw(
            HttpMethod.GET,
            "/api/opportunities/search?q=x&size=1",
            Tokens.volunteer(UUID.randomUUID()),
            "multipart/form-data",
            "--x".getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.body().path("size").asInt()).isEqualTo(1);
  }

  @org.junit.jupiter.api.Test
  void aMalformedAcceptForTheWebPageIsRefusedWithAProblemResponse() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.set(org.springframework.http.HttpHeaders.ACCEPT, "garbage/;;");
    Api.Response response = api.getEncoded("/", headers);
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.headers().getContentType()).hasToString("application/problem+json");
    assertThat(response.body().path("type").asString()).isEqualTo("/problems/malformed-request");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithAProblemResponse(Case malformed) {
    String token =
        switch (malformed.role()) {
          case ADMIN -> Tokens.admin();
          case MEMBER -> Tokens.member(organization);
          case VOLUNTEER -> Tokens.volunteer(UUID.randomUUID());
        };
    Api.Response response =
        api.raw(
            malformed.method(),
            malformed.path().apply(this),
            token,
            malformed.contentType(),
            malformed.body());

    assertThat(response.status()).as(response.toString()).isEqualTo(malformed.status());
    assertThat(response.headers().getContentType())
        .as(response.toString())
        .hasToString("application/problem+json");
    assertThat(response.body().path("type").asString())
        .as(response.toString())
        .startsWith("/problems/");
    assertThat(response.body().path("status").asInt()).isEqualTo(malformed.status());
    assertThat(response.body().path("detail").asString()).isNotBlank();
    assertThat(response.text())
        .as("names nothing internal")
        .doesNotContain("java.", "Exception", "sa.volunteering");
    if (malformed.field() != null) {
      assertThat(response.body().path("errors").findValuesAsString("field"))
          .as(response.toString())
          .contains(malformed.field());
    }
  }

  private static Case json(
      String name,
      HttpMethod method,
      Function<MalformedRequestsIT, String> path,
      Role role,
      String body,
      int status,
      @Nullable String field) {
    return new Case(
        name,
        method,
        path,
        role,
        "application/json",
        body.getBytes(StandardCharsets.UTF_8),
        status,
        field);
  }

  private static Case empty(
      String name, HttpMethod method, Function<MalformedRequestsIT, String> path, int status) {
    return new Case(name, method, path, Role.ADMIN, null, new byte[0], status, null);
  }

  private static String organization(Map<String, Object> changes) {
    return with(Fixtures.organizationBody("جمعية", "Society"), changes);
  }

  private static String opportunity(Map<String, Object> changes) {
    return with(Fixtures.opportunityBody(5), changes);
  }

  private static String registration(String nationalId, Map<String, Object> profileChanges) {
    Map<String, Object> profile = new HashMap<>(Fixtures.profileBody(null));
    profile.putAll(profileChanges);
    return JSON.writeValueAsString(Map.of("nationalId", nationalId, "profile", profile));
  }

  private static String with(Map<String, Object> body, Map<String, Object> changes) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.putAll(changes);
    return JSON.writeValueAsString(copy);
  }
}
