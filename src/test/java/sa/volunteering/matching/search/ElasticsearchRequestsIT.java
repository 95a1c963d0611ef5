package sa.volunteering.matching.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.ElasticsearchAt;
import sa.volunteering.matching.support.FaultyProxy;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.TestStack;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service sends to Elasticsearch, captured by a relay in front of it while every
 * search-like endpoint is called with hostile text: no request holds a fuzzy, prefix, wildcard,
 * regular-expression, query-string, script or joining query, whatever the user typed.
 */
@IntegrationTest
class ElasticsearchRequestsIT {

  /** Query kinds that interpret text as syntax or that Elasticsearch counts as expensive. */
  private static final Set<String> FORBIDDEN =
      Set.of(
          "fuzzy",
          "fuzziness",
          "prefix",
          "match_phrase_prefix",
          "match_bool_prefix",
          "wildcard",
          "regexp",
          "query_string",
          "simple_query_string",
          "script",
          "script_score",
          "script_fields",
          "runtime_mappings",
          "nested",
          "has_child",
          "has_parent",
          "percolate",
          "intervals");

  private static final List<String> HOSTILE =
      List.of(
          "*",
          "te?t*",
          "/.*/",
          "title:x~2",
          "a AND (b OR",
          "\"unterminated",
          "{\"script\":{\"source\":\"1\"}}",
          "\\",
          "تطوع*",
          "تنظيق الشواطى",
          "volunter",
          "<script>alert(1)</script>",
          "%00",
          "' or 1=1 --");

  /**
   * The endpoints that carry queries; index creation and bulk bodies hold mappings and documents,
   * not queries.
   */
  private static final List<String> QUERYING =
      List.of("_search", "_msearch", "_count", "_mget", "_explain", "_pit", "_validate");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FaultyProxy RELAY = FaultyProxy.relayToTheStack();

  @LocalServerPort int port;

  /** The service talks to Elasticsearch through the relay, in either mode of the test stack. */
  @TestConfiguration(proxyBeanMethods = false)
  static class ThroughTheRelay {
    @Bean
    @Primary
    ElasticsearchConnectionDetails throughTheRelay() {
      return ElasticsearchAt.address(RELAY.uri());
    }
  }

  @AfterAll
  static void closeRelay() {
    RELAY.close();
  }

  @Test
  void noRequestCarriesAQueryThatInterpretsTextOrIsExpensive() throws InterruptedException {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    UUID organization = fixtures.organization();
    UUID opportunity = fixtures.published(organization, 5);
    UUID volunteer = fixtures.volunteer();
    fixtures.awaitIndexed(volunteer);

    int calls = 0;
    for (String text : HOSTILE) {
      calls +=
          expectNoServerError(
              api.getEncoded(Api.query("/api/opportunities/search", "q", text), new HttpHeaders()));
      calls +=
          expectNoServerError(
              api.getEncoded(
                  Api.query("/api/opportunities/suggest", "prefix", text), new HttpHeaders()));
      calls +=
          expectNoServerError(
              api.getEncoded(
                  Api.query("/api/opportunities/search/stream", "q", text, "limit", 5),
                  ndjson(null)));
      calls +=
          expectNoServerError(
              api.getEncoded(
                  Api.query("/api/volunteers/" + volunteer + "/matches", "q", text),
                  bearer(Tokens.volunteer(volunteer))));
      calls +=
          expectNoServerError(
              api.getEncoded(
                  Api.query(
                      "/api/volunteers/" + volunteer + "/matches/stream", "q", text, "limit", 5),
                  ndjson(Tokens.volunteer(volunteer))));
    }
    calls +=
        expectNoServerError(
            api.get(
                "/api/opportunities/" + opportunity + "/candidates", Tokens.member(organization)));
    calls +=
        expectNoServerError(
            api.getEncoded(
                Api.query("/api/opportunities/" + opportunity + "/candidates/stream", "limit", 5),
                ndjson(Tokens.member(organization))));

    List<FaultyProxy.Request> searches =
        RELAY.requests.stream().filter(request -> request.path().contains("_search")).toList();
    assertThat(searches.size())
        .as("searches relayed for %d calls", calls)
        .isGreaterThan(HOSTILE.size() * 4);
    assertThat(searches)
        .as("typo corrections were asked for")
        .anyMatch(request -> request.body().contains("\"suggest\""));
    List<String> offending = new ArrayList<>();
    List<FaultyProxy.Request> queries =
        RELAY.requests.stream()
            .filter(
                request ->
                    QUERYING.stream().anyMatch(endpoint -> request.path().contains(endpoint)))
            .toList();
    for (FaultyProxy.Request request : queries) {
      Set<String> keys = keys(request.body());
      keys.retainAll(FORBIDDEN);
      if (!keys.isEmpty()) {
        offending.add(
            keys + " in " + request.method() + " " + request.path() + " " + request.body());
      }
    }
    System.out.printf(
        "elasticsearch requests: %d relayed for %d API calls, %d carrying queries, %d with a forbidden query%n",
        RELAY.requests.size(), calls, queries.size(), offending.size());
    assertThat(offending).isEmpty();
  }

  @Test
  void elasticsearchRefusesExpensiveQueries() throws Exception {
    java.net.http.HttpResponse<String> settings =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        URI.create(
                            TestStack.elasticsearch()
                                + "/_cluster/settings?include_defaults=true&flat_settings=true"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(settings.body());
    assertThat(setting(body, "search.allow_expensive_queries"))
        .as("the node the tests run against (bin/stack starts it so)")
        .isEqualTo("false");
    assertThat(setting(body, "action.auto_create_index"))
        .as("a write to a missing index fails instead of creating one")
        .isEqualTo("false");
  }

  private static String setting(JsonNode settings, String name) {
    for (String scope : List.of("transient", "persistent", "defaults")) {
      JsonNode setting = settings.path(scope).path(name);
      if (!setting.isMissingNode()) {
        return setting.asString();
      }
    }
    return "";
  }

  private static int expectNoServerError(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isLessThan(500);
    return 1;
  }

  /** Every object key in a JSON body, or in each line of an NDJSON one (bulk, multi-search). */
  private static Set<String> keys(String body) {
    Set<String> keys = new TreeSet<>();
    for (String line : body.split("\n")) {
      if (!line.isBlank()) {
        collect(JSON.readTree(line), keys);
      }
    }
    return keys;
  }

  private static void collect(JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              entry -> {
                keys.add(entry.getKey());
                collect(entry.getValue(), keys);
              });
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, keys));
    }
  }

  private static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return headers;
  }

  private static HttpHeaders ndjson(String token) {
    HttpHeaders headers = token == null ? new HttpHeaders() : bearer(token);
    headers.set(HttpHeaders.ACCEPT, "application/x-ndjson");
    return headers;
  }
}
