package sa.volunteering.bench.match;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonpUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.AdminToken;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Http;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.OpenLoad;
import sa.volunteering.bench.Report;
import sa.volunteering.matching.search.index.SearchIndexProperties;

/**
 * Matches and candidates through the service against a plain filtered search sent straight to
 * Elasticsearch on the same index, by the same client at the same rate. Runs on the suite's main
 * thread and the load's threads, never on a Reactor thread.
 */
@Component
class MatchBenchmark implements Measurement {

  private static final Query ACTIVE = Query.of(q -> q.term(t -> t.field("active").value(true)));
  private static final Query OPEN =
      Query.of(
          q ->
              q.bool(
                  b ->
                      b.filter(f -> f.term(t -> t.field("status").value("published")))
                          .filter(
                              f -> f.range(r -> r.number(n -> n.field("seats_left").gt(0.0))))));

  private final ElasticsearchClient client;
  private final AdminToken admin;
  private final String opportunities;
  private final String volunteers;

  MatchBenchmark(ElasticsearchClient client, AdminToken admin, SearchIndexProperties indexes) {
    this.client = client;
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

  /** What one side of a comparison sends: the service's requests and their plain searches. */
  private record Pair(String what, List<HttpRequest> service, List<HttpRequest> plain) {}

  private List<Pair> pairs(Bench bench, List<Sample> people, List<Sample> places) {
    String admin = this.admin.bearer();
    return List.of(
        new Pair(
            "a volunteer's matches",
            people.stream()
                .map(
                    s ->
                        Http.get(bench.service() + "/api/volunteers/" + s.id() + "/matches", admin))
                .toList(),
            people.stream().map(s -> plain(bench.elasticsearch(), opportunities, s)).toList()),
        new Pair(
            "an opportunity's candidates",
            places.stream()
                .map(
                    s ->
                        Http.get(
                            bench.service() + "/api/opportunities/" + s.id() + "/candidates",
                            admin))
                .toList(),
            places.stream().map(s -> plain(bench.elasticsearch(), volunteers, s)).toList()));
  }

  /** Every request the section sends, both sides, at its rate. */
  @Override
  public long warmUp(Bench bench) throws Exception {
    List<Sample> people = sample(volunteers, ACTIVE, SAMPLES);
    List<Sample> places = sample(opportunities, OPEN, SAMPLES);
    if (people.isEmpty() || places.isEmpty()) {
      return 0;
    }
    long sent = 0;
    for (Pair pair : pairs(bench, people, places)) {
      sent +=
          OpenLoad.run(
                  bench.http(),
                  "suite warm-up",
                  pair.service(),
                  bench.scale().matchRate(),
                  bench.scale().suiteWarmUp(),
                  64)
              .sent();
      sent +=
          OpenLoad.run(
                  bench.http(),
                  "suite warm-up",
                  pair.plain(),
                  bench.scale().matchRate(),
                  bench.scale().suiteWarmUp(),
                  64)
              .sent();
    }
    return sent;
  }

  /**
   * For the suite: matches and candidates at a constant rate, each against a plain filtered search
   * on the same index.
   */
  @Override
  public Report.Section measure(Bench bench) throws Exception {
    List<Sample> people = sample(volunteers, ACTIVE, SAMPLES);
    List<Sample> places = sample(opportunities, OPEN, SAMPLES);
    Report.Section section =
        new Report.Section("Matches and candidates vs a plain filtered search");
    if (people.isEmpty() || places.isEmpty()) {
      return section.paragraph(
          "Nothing to measure: the indexes hold no active volunteer or no open opportunity.");
    }
    List<List<String>> rows = new ArrayList<>();
    for (Pair pair : pairs(bench, people, places)) {
      rows.add(compare(bench, pair.what(), pair.service(), pair.plain()));
    }
    return section
        .paragraph(
            String.format(
                Locale.ROOT,
                "%,d opportunities and %,d volunteers indexed; %d volunteers and %d opportunities sampled."
                    + " Each side at %s requests a second for %d s. The plain search: 20 documents of the sample's city through filters only, on"
                    + " the same index.",
                count(opportunities),
                count(volunteers),
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

  /** A seeded random sample of the documents the filter lets through. */
  @SuppressWarnings("rawtypes")
  private List<Sample> sample(String index, Query filter, int size) throws IOException {
    SearchResponse<Map> found =
        client.search(
            search ->
                search
                    .index(index)
                    .size(size)
                    .source(source -> source.filter(f -> f.includes("id", "city_code")))
                    .query(
                        query ->
                            query.functionScore(
                                scored ->
                                    scored
                                        .query(filter)
                                        .functions(
                                            function ->
                                                function.randomScore(
                                                    random -> random.seed("7").field("_seq_no"))))),
            Map.class);
    List<Sample> samples = new ArrayList<>();
    for (Hit<Map> hit : found.hits().hits()) {
      Map source = Objects.requireNonNull(hit.source());
      samples.add(
          new Sample(String.valueOf(source.get("id")), String.valueOf(source.get("city_code"))));
    }
    return samples;
  }

  private long count(String index) throws IOException {
    return client.count(count -> count.index(index)).count();
  }

  /**
   * The yardstick: 20 documents of the sample's city through filters only, the simplest search on
   * the same index, built with the typed client and sent by the load's own HTTP client.
   */
  private HttpRequest plain(String elasticsearch, String index, Sample sample) {
    Query filter = index.equals(opportunities) ? OPEN : ACTIVE;
    SearchRequest request =
        SearchRequest.of(
            search ->
                search
                    .size(20)
                    .trackTotalHits(total -> total.enabled(true))
                    .query(
                        query ->
                            query.bool(
                                bool ->
                                    bool.filter(filter)
                                        .filter(
                                            city ->
                                                city.term(
                                                    term ->
                                                        term.field("city_code")
                                                            .value(sample.city()))))));
    return HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_search"))
        .header("Content-Type", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                JsonpUtils.toJsonString(request, client._jsonpMapper())))
        .build();
  }
}
