package sa.volunteering.matching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.Tokens;

/**
 * Every endpoint × every kind of caller, each on a world of its own: anonymous, the volunteer who
 * owns the objects, another volunteer, a member of the owning organization, a member of another
 * one, an admin.
 */
@IntegrationTest
class AuthorizationMatrixIT {

  enum Caller {
    ANONYMOUS,
    VOLUNTEER,
    OTHER_VOLUNTEER,
    MEMBER,
    OTHER_MEMBER,
    ADMIN
  }

  /**
   * The objects every row needs: organization A with a published opportunity P (volunteer V's
   * pending application X), another published opportunity P2 (V's accepted application Y, with
   * logged hours H), a draft D; organization B; volunteer W who has not applied.
   */
  record World(
      UUID orgA,
      UUID orgB,
      UUID published,
      UUID draft,
      UUID volunteer,
      UUID otherVolunteer,
      UUID pending,
      UUID accepted,
      UUID hours) {

    static World build(Api api) {
      Fixtures fixtures = new Fixtures(api);
      UUID orgA = fixtures.organization();
      UUID orgB = fixtures.organization();
      UUID published = fixtures.published(orgA, 5);
      UUID second = fixtures.published(orgA, 5);
      UUID draft = fixtures.draft(orgA, 5);
      UUID volunteer = fixtures.volunteer();
      UUID other = fixtures.volunteer();
      UUID pending = fixtures.application(volunteer, published);
      UUID accepted = fixtures.application(volunteer, second);
      fixtures.accept(orgA, accepted);
      UUID hours = fixtures.hours(orgA, accepted);
      return new World(orgA, orgB, published, draft, volunteer, other, pending, accepted, hours);
    }

    @Nullable String token(Caller caller) {
      return switch (caller) {
        case ANONYMOUS -> null;
        case VOLUNTEER -> Tokens.volunteer(volunteer);
        case OTHER_VOLUNTEER -> Tokens.volunteer(otherVolunteer);
        case MEMBER -> Tokens.member(orgA);
        case OTHER_MEMBER -> Tokens.member(orgB);
        case ADMIN -> Tokens.admin();
      };
    }
  }

  /** One endpoint and the status each caller gets, in the order of {@link Caller}. */
  record Endpoint(
      String name,
      HttpMethod method,
      Function<World, String> path,
      @Nullable Function<World, Object> body,
      int... statuses) {}

  record Row(Endpoint endpoint, Caller caller, int expected) {
    @Override
    public String toString() {
      return endpoint.name() + " as " + caller + " → " + expected;
    }
  }

  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired
  sa.volunteering.matching.indexing.OutboxIndexer indexer;

  @org.springframework.beans.factory.annotation.Autowired
  co.elastic.clients.elasticsearch.ElasticsearchClient elasticsearch;

  static List<Endpoint> endpoints() {
    Function<World, Object> organization =
        world -> withVersion(Fixtures.organizationBody("جمعية", "Society"), 1);
    Function<World, Object> opportunity = world -> withVersion(Fixtures.opportunityBody(5), 2);
    Function<World, Object> draft = world -> withVersion(Fixtures.opportunityBody(5), 1);
    Function<World, Object> profile = world -> Fixtures.profileBody(1L);
    Function<World, Object> hours = world -> Map.of("workedOn", "2024-05-01", "hours", 3);
    return List.of(
        new Endpoint(
            "list fields",
            HttpMethod.GET,
            w -> "/api/taxonomy/fields",
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "list skills",
            HttpMethod.GET,
            w -> "/api/taxonomy/skills",
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "list regions",
            HttpMethod.GET,
            w -> "/api/taxonomy/regions",
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "list cities",
            HttpMethod.GET,
            w -> "/api/taxonomy/cities",
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "create organization",
            HttpMethod.POST,
            w -> "/api/organizations",
            w -> Fixtures.organizationBody("جمعية", "Society"),
            401,
            403,
            403,
            403,
            403,
            201),
        new Endpoint(
            "list organizations",
            HttpMethod.GET,
            w -> "/api/organizations",
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "read organization",
            HttpMethod.GET,
            w -> "/api/organizations/" + w.orgA(),
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "update organization",
            HttpMethod.PUT,
            w -> "/api/organizations/" + w.orgA(),
            organization,
            401,
            403,
            403,
            403,
            403,
            200),
        new Endpoint(
            "close organization",
            HttpMethod.POST,
            w -> "/api/organizations/" + w.orgA() + "/close",
            null,
            401,
            403,
            403,
            403,
            403,
            200),
        new Endpoint(
            "draft opportunity",
            HttpMethod.POST,
            w -> "/api/organizations/" + w.orgA() + "/opportunities",
            w -> Fixtures.opportunityBody(5),
            401,
            403,
            403,
            201,
            403,
            201),
        new Endpoint(
            "list organization's opportunities",
            HttpMethod.GET,
            w -> "/api/organizations/" + w.orgA() + "/opportunities",
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "read published opportunity",
            HttpMethod.GET,
            w -> "/api/opportunities/" + w.published(),
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "read draft",
            HttpMethod.GET,
            w -> "/api/opportunities/" + w.draft(),
            null,
            404,
            404,
            404,
            200,
            404,
            200),
        new Endpoint(
            "update published opportunity",
            HttpMethod.PUT,
            w -> "/api/opportunities/" + w.published(),
            opportunity,
            401,
            403,
            403,
            200,
            403,
            200),
        new Endpoint(
            "update draft",
            HttpMethod.PUT,
            w -> "/api/opportunities/" + w.draft(),
            draft,
            401,
            404,
            404,
            200,
            404,
            200),
        new Endpoint(
            "publish draft",
            HttpMethod.POST,
            w -> "/api/opportunities/" + w.draft() + "/publish",
            null,
            401,
            404,
            404,
            200,
            404,
            200),
        new Endpoint(
            "close opportunity",
            HttpMethod.POST,
            w -> "/api/opportunities/" + w.published() + "/close",
            null,
            401,
            403,
            403,
            200,
            403,
            200),
        new Endpoint(
            "delete draft",
            HttpMethod.DELETE,
            w -> "/api/opportunities/" + w.draft(),
            null,
            401,
            404,
            404,
            204,
            404,
            204),
        new Endpoint(
            "register",
            HttpMethod.POST,
            w -> "/api/volunteers",
            w -> Fixtures.registrationBody(Fixtures.nationalId()),
            401,
            409,
            409,
            403,
            403,
            403),
        new Endpoint(
            "read own profile",
            HttpMethod.GET,
            w -> "/api/volunteers/me",
            null,
            401,
            200,
            200,
            403,
            403,
            403),
        new Endpoint(
            "update own profile",
            HttpMethod.PUT,
            w -> "/api/volunteers/me",
            profile,
            401,
            200,
            200,
            403,
            403,
            403),
        new Endpoint(
            "close own profile",
            HttpMethod.DELETE,
            w -> "/api/volunteers/me",
            null,
            401,
            200,
            200,
            403,
            403,
            403),
        new Endpoint(
            "read a volunteer",
            HttpMethod.GET,
            w -> "/api/volunteers/" + w.volunteer(),
            null,
            401,
            403,
            403,
            403,
            403,
            200),
        new Endpoint(
            "apply",
            HttpMethod.POST,
            w -> "/api/opportunities/" + w.published() + "/applications",
            w -> Map.of(),
            401,
            409,
            201,
            403,
            403,
            403),
        new Endpoint(
            "list applicants",
            HttpMethod.GET,
            w -> "/api/opportunities/" + w.published() + "/applications",
            null,
            401,
            403,
            403,
            200,
            403,
            200),
        new Endpoint(
            "list own applications",
            HttpMethod.GET,
            w -> "/api/volunteers/me/applications",
            null,
            401,
            200,
            200,
            403,
            403,
            403),
        new Endpoint(
            "withdraw",
            HttpMethod.POST,
            w -> "/api/applications/" + w.pending() + "/withdraw",
            null,
            401,
            200,
            404,
            403,
            404,
            403),
        new Endpoint(
            "accept",
            HttpMethod.POST,
            w -> "/api/applications/" + w.pending() + "/accept",
            null,
            401,
            403,
            404,
            200,
            404,
            200),
        new Endpoint(
            "reject",
            HttpMethod.POST,
            w -> "/api/applications/" + w.pending() + "/reject",
            null,
            401,
            403,
            404,
            200,
            404,
            200),
        new Endpoint(
            "complete",
            HttpMethod.POST,
            w -> "/api/applications/" + w.accepted() + "/complete",
            null,
            401,
            403,
            404,
            200,
            404,
            200),
        new Endpoint(
            "log hours",
            HttpMethod.POST,
            w -> "/api/applications/" + w.accepted() + "/hours",
            hours,
            401,
            403,
            404,
            201,
            404,
            201),
        new Endpoint(
            "list an application's hours",
            HttpMethod.GET,
            w -> "/api/applications/" + w.accepted() + "/hours",
            null,
            401,
            200,
            404,
            200,
            404,
            200),
        new Endpoint(
            "list own hours",
            HttpMethod.GET,
            w -> "/api/volunteers/me/hours",
            null,
            401,
            200,
            200,
            403,
            403,
            403),
        new Endpoint(
            "verify hours",
            HttpMethod.POST,
            w -> "/api/hours/" + w.hours() + "/verify",
            null,
            401,
            200,
            404,
            403,
            404,
            403),
        new Endpoint(
            "list indexing failures",
            HttpMethod.GET,
            w -> "/api/admin/indexing/failures",
            null,
            401,
            403,
            403,
            403,
            403,
            200),
        new Endpoint(
            "retry a parked change",
            HttpMethod.POST,
            w -> "/api/admin/indexing/failures/" + Long.MAX_VALUE + "/retry",
            null,
            401,
            403,
            403,
            403,
            403,
            404),
        new Endpoint(
            "dispute hours",
            HttpMethod.POST,
            w -> "/api/hours/" + w.hours() + "/dispute",
            w -> Map.of("reason", "لم أحضر ذلك اليوم"),
            401,
            200,
            404,
            403,
            404,
            403),
        new Endpoint(
            "platform indicators",
            HttpMethod.GET,
            w -> "/api/stats?from=2025-01",
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "an organization's indicators",
            HttpMethod.GET,
            w -> "/api/stats/breakdown?by=field&organization=" + w.orgA(),
            null,
            401,
            403,
            403,
            200,
            403,
            200),
        new Endpoint(
            "indicators by organization",
            HttpMethod.GET,
            w -> "/api/stats/breakdown?by=organization",
            null,
            401,
            403,
            403,
            200,
            200,
            200),
        new Endpoint(
            "search opportunities",
            HttpMethod.GET,
            w -> "/api/opportunities/search?q=volunteers&city=riyadh",
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "stream a search",
            HttpMethod.GET,
            w -> "/api/opportunities/search/stream?limit=3",
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "suggest",
            HttpMethod.GET,
            w -> "/api/opportunities/suggest?prefix=riy",
            null,
            200,
            200,
            200,
            200,
            200,
            200),
        new Endpoint(
            "a volunteer's matches",
            HttpMethod.GET,
            w -> "/api/volunteers/" + w.volunteer() + "/matches",
            null,
            401,
            200,
            403,
            403,
            403,
            200),
        new Endpoint(
            "stream a volunteer's matches",
            HttpMethod.GET,
            w -> "/api/volunteers/" + w.volunteer() + "/matches/stream?limit=3",
            null,
            401,
            200,
            403,
            403,
            403,
            200),
        new Endpoint(
            "an opportunity's candidates",
            HttpMethod.GET,
            w -> "/api/opportunities/" + w.published() + "/candidates",
            null,
            401,
            403,
            403,
            200,
            403,
            200),
        new Endpoint(
            "stream an opportunity's candidates",
            HttpMethod.GET,
            w -> "/api/opportunities/" + w.published() + "/candidates/stream?limit=3",
            null,
            401,
            403,
            403,
            200,
            403,
            200));
  }

  /** Matching reads the indexes, so rows about it wait until the world is indexed. */
  private static boolean readsTheIndexes(String path) {
    return path.contains("/matches") || path.contains("/candidates");
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      assertThat(endpoint.statuses()).as(endpoint.name()).hasSize(Caller.values().length);
      for (Caller caller : Caller.values()) {
        rows.add(new Row(endpoint, caller, endpoint.statuses()[caller.ordinal()]));
      }
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void callerGetsTheExpectedStatus(Row row) {
    Api api = new Api(port);
    World world = World.build(api);
    Endpoint endpoint = row.endpoint();
    Object body = endpoint.body() == null ? null : endpoint.body().apply(world);
    if (readsTheIndexes(endpoint.path().apply(world))) {
      indexer.drain().block(java.time.Duration.ofSeconds(60));
      refresh();
    }
    Api.Response response =
        api.call(endpoint.method(), endpoint.path().apply(world), world.token(row.caller()), body);

    assertThat(response.status()).as(response.toString()).isEqualTo(row.expected());
    if (row.expected() >= 400) {
      assertThat(response.body().path("type").asString())
          .as(response.toString())
          .startsWith("/problems/");
    }
  }

  private void refresh() {
    try {
      elasticsearch
          .indices()
          .refresh(r -> r.index(sa.volunteering.matching.support.TestEnvironment.PREFIX + "*"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, Object> withVersion(Map<String, Object> body, long version) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.put("version", version);
    return copy;
  }
}
