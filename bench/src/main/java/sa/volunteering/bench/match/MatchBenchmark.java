package sa.volunteering.bench.match;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.AdminToken;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Http;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.OpenLoad;
import sa.volunteering.bench.Report;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matches and candidates through the service against a plain filtered search sent straight to
 * Elasticsearch on the same index, by the same client at the same rate. Runs on the suite's main
 * thread and the load's threads, never on a Reactor thread.
 */
@Component
class MatchBenchmark implements Measurement {

  private final JsonMapper json;
  private final AdminToken admin;
  private final String opportunities;
  private final String volunteers;

  MatchBenchmark(JsonMapper json, AdminToken admin, SearchIndexProperties indexes) {
    this.json = json;
    this.admin = admin;
    this.opportunities = indexes.alias("opportunities");
    this.volunteers = indexes.alias("volunteers");
  }

  private static final int SAMPLES = 300;

  /** A sampled document: its id and city. */
  record Sample(String id, String city) {}

  @Override
  public int order() {
    return 30;
  }

  /**
   * For the suite: matches and candidates at a constant rate, each against a plain filtered search
   * on the same index.
   */
  @Override
  public Report.Section measure(Bench bench) throws Exception {
    String admin = this.admin.bearer();
    List<Sample> people =
        sample(
            bench.http(),
            bench.elasticsearch(),
            volunteers,
            "{\"term\":{\"active\":true}}",
            SAMPLES);
    List<Sample> places =
        sample(
            bench.http(),
            bench.elasticsearch(),
            opportunities,
            "{\"bool\":{\"filter\":[{\"term\":{\"status\":\"published\"}},"
                + "{\"range\":{\"seats_left\":{\"gt\":0}}}]}}",
            SAMPLES);
    Report.Section section =
        new Report.Section("Matches and candidates vs a plain filtered search");
    if (people.isEmpty() || places.isEmpty()) {
      return section.paragraph(
          "Nothing to measure: the indexes hold no active volunteer or no open opportunity.");
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        compare(
            bench,
            "a volunteer's matches",
            people.stream()
                .map(
                    s ->
                        Http.get(bench.service() + "/api/volunteers/" + s.id() + "/matches", admin))
                .toList(),
            people.stream().map(s -> plain(bench.elasticsearch(), opportunities, s)).toList()));
    rows.add(
        compare(
            bench,
            "an opportunity's candidates",
            places.stream()
                .map(
                    s ->
                        Http.get(
                            bench.service() + "/api/opportunities/" + s.id() + "/candidates",
                            admin))
                .toList(),
            places.stream().map(s -> plain(bench.elasticsearch(), volunteers, s)).toList()));
    return section
        .paragraph(
            String.format(
                Locale.ROOT,
                "%,d opportunities and %,d volunteers indexed; %d volunteers and %d opportunities sampled."
                    + " Each side at %s requests a second for %d s. The plain search: 20 documents of the sample's city through filters only, on"
                    + " the same index.",
                count(bench.http(), bench.elasticsearch(), opportunities),
                count(bench.http(), bench.elasticsearch(), volunteers),
                people.size(),
                places.size(),
                Report.number(bench.scale().matchRate()),
                bench.scale().perRate().toSeconds()))
        .table(
            List.of(
                "what",
                "service p50 / p99 (ms)",
                "plain search p50 / p99 (ms)",
                "service / plain p50",
                "service / plain p99"),
            rows);
  }

  private List<String> compare(
      Bench bench, String what, List<HttpRequest> service, List<HttpRequest> plain) {
    double rate = bench.scale().matchRate();
    OpenLoad.run(bench.http(), "warm-up", service, rate, bench.scale().warmUp(), 64);
    OpenLoad.run(bench.http(), "warm-up", plain, rate, bench.scale().warmUp(), 64);
    OpenLoad.Result ours =
        OpenLoad.run(bench.http(), what, service, rate, bench.scale().perRate(), 64);
    OpenLoad.Result yardstick =
        OpenLoad.run(bench.http(), "plain", plain, rate, bench.scale().perRate(), 64);
    return List.of(
        what,
        Report.number(ours.millis(50)) + " / " + Report.number(ours.millis(99)),
        Report.number(yardstick.millis(50)) + " / " + Report.number(yardstick.millis(99)),
        Report.against(ours.millis(50) / yardstick.millis(50), 2.0, true),
        Report.against(ours.millis(99) / yardstick.millis(99), 2.0, true));
  }

  private List<Sample> sample(
      HttpClient http, String elasticsearch, String index, String filter, int size)
      throws Exception {
    String body =
        "{\"size\":"
            + size
            + ",\"_source\":[\"id\",\"city_code\"],\"query\":{\"function_score\":{\"query\":"
            + filter
            + ",\"random_score\":{\"seed\":7,\"field\":\"_seq_no\"}}}}";
    JsonNode hits =
        json.readTree(
                http.send(
                        post(elasticsearch + "/" + index + "/_search", null, body),
                        HttpResponse.BodyHandlers.ofString())
                    .body())
            .path("hits")
            .path("hits");
    List<Sample> samples = new ArrayList<>();
    hits.forEach(
        hit ->
            samples.add(
                new Sample(
                    hit.path("_source").path("id").asString(),
                    hit.path("_source").path("city_code").asString())));
    return samples;
  }

  private long count(HttpClient http, String elasticsearch, String index) throws Exception {
    return json.readTree(
            http.send(
                    Http.get(elasticsearch + "/" + index + "/_count", null),
                    HttpResponse.BodyHandlers.ofString())
                .body())
        .path("count")
        .asLong();
  }

  /**
   * The yardstick: 20 documents of the sample's city through filters only, the simplest search on
   * the same index.
   */
  private HttpRequest plain(String elasticsearch, String index, Sample sample) {
    String filters =
        index.equals(opportunities)
            ? "{\"term\":{\"status\":\"published\"}},{\"range\":{\"seats_left\":{\"gt\":0}}}"
            : "{\"term\":{\"active\":true}}";
    return post(
        elasticsearch + "/" + index + "/_search",
        null,
        "{\"size\":20,\"track_total_hits\":true,\"query\":{\"bool\":{\"filter\":["
            + filters
            + ",{\"term\":{\"city_code\":\""
            + sample.city()
            + "\"}}]}}}");
  }

  private HttpRequest post(
      String url, @org.jspecify.annotations.Nullable String authorization, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.build();
  }
}
