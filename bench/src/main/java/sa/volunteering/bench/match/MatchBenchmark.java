package sa.volunteering.bench.match;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.bench.AdminToken;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Http;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.OpenLoad;
import sa.volunteering.bench.Profiler;
import sa.volunteering.bench.Report;
import sa.volunteering.matching.match.RankingRequests;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import sa.volunteering.tools.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matches and candidates through the service against the service's plain search, and against a
 * plain filtered search sent straight to Elasticsearch on the same index, by the same client at the
 * same rate. Runs on the suite's main thread and the load's threads, never on a Reactor thread.
 */
@Component
class MatchBenchmark implements Measurement {

  private static final int PAGE = 20;
  private static final int PROFILED = 30;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ElasticsearchClient client;
  private final Samples samples;
  private final RankingRequests requests;
  private final AdminToken admin;
  private final Profiler profiler;
  private final MeterRegistry meters;
  private final String opportunities;
  private final String volunteers;

  MatchBenchmark(
      ElasticsearchClient client,
      Samples samples,
      RankingRequests requests,
      AdminToken admin,
      Profiler profiler,
      MeterRegistry meters,
      SearchIndexProperties indexes) {
    this.profiler = profiler;
    this.meters = meters;
    this.client = client;
    this.samples = samples;
    this.requests = requests;
    this.admin = admin;
    this.opportunities = indexes.alias("opportunities");
    this.volunteers = indexes.alias("volunteers");
  }

  static final int SAMPLES = 300;

  @Override
  public int order() {
    return 30;
  }

  /**
   * What one side of a comparison sends: the service's requests, the ranking requests the service
   * sends Elasticsearch for them, and their plain searches; and the ratio each must stay within.
   */
  private record Pair(
      String what,
      String ranked,
      List<HttpRequest> service,
      List<Ranking> ranking,
      List<HttpRequest> plainService,
      List<HttpRequest> plain,
      double aim) {

    List<HttpRequest> rankingRequests() {
      return ranking.stream().map(Ranking::request).toList();
    }
  }

  /**
   * The ranking request the service would send, to post straight to Elasticsearch: as it is, with
   * the profile on, or as a count of every document its filters let through.
   */
  private record Ranking(String elasticsearch, String index, boolean named, String body) {

    HttpRequest request() {
      return post("/_search?include_named_queries_score=" + named, body);
    }

    HttpRequest profiled() {
      tools.jackson.databind.node.ObjectNode profiled =
          (tools.jackson.databind.node.ObjectNode) JSON.readTree(body);
      profiled.put("profile", true);
      return post("/_search?include_named_queries_score=" + named, profiled.toString());
    }

    HttpRequest count() {
      return post(
          "/_count",
          JSON.createObjectNode().set("query", JSON.readTree(body).path("query")).toString());
    }

    private HttpRequest post(String path, String json) {
      return HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json))
          .build();
    }
  }

  private List<Pair> pairs(Bench bench, List<Samples.Sample> people, List<Samples.Sample> places) {
    String admin = this.admin.bearer();
    return List.of(
        new Pair(
            "a volunteer's matches",
            "opportunities",
            people.stream()
                .map(
                    s ->
                        Http.get(bench.service() + "/api/volunteers/" + s.id() + "/matches", admin))
                .toList(),
            people.stream()
                .map(
                    s ->
                        direct(
                            bench.elasticsearch(), requests.matches(UUID.fromString(s.id()), PAGE)))
                .toList(),
            people.stream().map(s -> plainThroughService(bench, s)).toList(),
            people.stream().map(s -> plain(bench.elasticsearch(), opportunities, s)).toList(),
            2.0),
        new Pair(
            "an opportunity's candidates",
            "candidates",
            places.stream()
                .map(
                    s ->
                        Http.get(
                            bench.service() + "/api/opportunities/" + s.id() + "/candidates",
                            admin))
                .toList(),
            places.stream()
                .map(
                    s ->
                        direct(
                            bench.elasticsearch(),
                            requests.candidates(UUID.fromString(s.id()), PAGE)))
                .toList(),
            places.stream().map(s -> plainThroughService(bench, s)).toList(),
            places.stream().map(s -> plain(bench.elasticsearch(), volunteers, s)).toList(),
            2.5));
  }

  /** Every request the section sends, both sides, at its first rate. */
  @Override
  public long warmUp(Bench bench) throws Exception {
    List<Samples.Sample> people = samples.volunteers(SAMPLES);
    List<Samples.Sample> places = samples.opportunities(SAMPLES);
    if (people.isEmpty() || places.isEmpty()) {
      return 0;
    }
    long sent = 0;
    double rate = bench.scale().matchRates().get(0);
    for (Pair pair : pairs(bench, people, places)) {
      for (List<HttpRequest> side :
          List.of(pair.service(), pair.rankingRequests(), pair.plainService(), pair.plain())) {
        sent +=
            OpenLoad.run(bench.http(), "suite warm-up", side, rate, bench.scale().suiteWarmUp(), 64)
                .sent();
      }
    }
    return sent;
  }

  /**
   * For the suite: matches and candidates at constant rates, each against a plain filtered search
   * through the same client on the same index; and Elasticsearch's own time for the ranking request
   * the service sends against the plain one's.
   */
  @Override
  public Report.Section measure(Bench bench) throws Exception {
    List<Samples.Sample> people = samples.volunteers(SAMPLES);
    List<Samples.Sample> places = samples.opportunities(SAMPLES);
    Report.Section section =
        new Report.Section("Matches and candidates vs a plain filtered search");
    if (people.isEmpty() || places.isEmpty()) {
      return section.paragraph(
          "Nothing to measure: the indexes hold no active volunteer or no open opportunity.");
    }
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> took = new ArrayList<>();
    List<List<String>> scored = new ArrayList<>();
    for (Pair pair : pairs(bench, people, places)) {
      for (double rate : bench.scale().matchRates()) {
        rows.add(compare(bench, pair, rate));
      }
      took.add(took(bench, pair));
      scored.add(scored(bench, pair));
    }
    return section
        .paragraph(
            String.format(
                Locale.ROOT,
                "%,d opportunities and %,d volunteers indexed; %d volunteers and %d opportunities sampled."
                    + " Each side at each rate for %d s, after a warm-up. The plain search: %d documents of the sample's city through"
                    + " filters only. The yardstick of the aims (issue 20): the service's own plain search, the same client on the same"
                    + " path (`GET /api/opportunities/search?city=…&size=20`, the sample's city, no text), for both directions (the service"
                    + " has no plain volunteer search); beside it, stricter, a plain search sent straight to Elasticsearch on the ranked"
                    + " index (20 documents of the city through filters only). Aims: matches at most 2.0 and candidates at most 2.5 times"
                    + " the plain search through the service, at p50 and p99. The last column: what answered the service's pages"
                    + " (docs/ranking.md), `set-1` or `set-2` (the documents scored first) or `whole` (the whole query, after the sets"
                    + " could not prove their page), with each one's mean time from the page's first request to Elasticsearch to its"
                    + " answer.",
                samples.count(opportunities),
                samples.count(volunteers),
                people.size(),
                places.size(),
                bench.scale().perRate().toSeconds(),
                PAGE))
        .table(
            List.of(
                "what",
                "rate (req/s)",
                "service p50 / p99 (ms)",
                "plain search through the service p50 / p99 (ms)",
                "service / plain p50",
                "service / plain p99",
                "plain search straight to Elasticsearch p50 / p99 (ms)",
                "service / straight p50 / p99",
                "errors or overloaded (service / plain / straight)",
                "service's pages answered by: share (mean ms in Elasticsearch)"),
            rows)
        .paragraph(
            "Elasticsearch's own time (`took`) for the request the service sends for the first page, sent straight to it one at a time"
                + " for every sample, against the plain search's for the same samples.")
        .table(
            List.of(
                "what",
                "ranking took p50 / p99 (ms)",
                "plain took p50 / p99 (ms)",
                "ranking / plain p50"),
            took)
        .paragraph(
            "How much of the eligible set Elasticsearch scored for the first page (profile API: `score_count` of the top query,"
                + " against a `_count` of the same query, which counts every document its filters let through). A query Lucene can"
                + " prune scores only documents that may still enter the page.")
        .table(
            List.of(
                "what",
                "samples profiled",
                "documents scored, median",
                "eligible, median",
                "scored / eligible, all samples"),
            scored);
  }

  private List<String> compare(Bench bench, Pair pair, double rate) throws Exception {
    OpenLoad.run(bench.http(), "warm-up", pair.service(), rate, bench.scale().warmUp(), 64);
    OpenLoad.run(bench.http(), "warm-up", pair.plainService(), rate, bench.scale().warmUp(), 64);
    OpenLoad.run(bench.http(), "warm-up", pair.plain(), rate, bench.scale().warmUp(), 64);
    PageAnswerShares answers = PageAnswerShares.from(meters, pair.ranked());
    OpenLoad.Result ours =
        profiler.during(
            String.format(Locale.ROOT, "%s at %.0f req per s", pair.what(), rate),
            () ->
                OpenLoad.run(
                    bench.http(), pair.what(), pair.service(), rate, bench.scale().perRate(), 64));
    String answeredBy = answers.since();
    OpenLoad.Result yardstick =
        OpenLoad.run(
            bench.http(),
            "plain through the service",
            pair.plainService(),
            rate,
            bench.scale().perRate(),
            64);
    OpenLoad.Result direct =
        OpenLoad.run(bench.http(), "plain", pair.plain(), rate, bench.scale().perRate(), 64);
    return List.of(
        pair.what(),
        Report.number(rate),
        Report.number(ours.millis(50)) + " / " + Report.number(ours.millis(99)),
        Report.number(yardstick.millis(50)) + " / " + Report.number(yardstick.millis(99)),
        Report.against(ours.millis(50) / yardstick.millis(50), pair.aim(), true),
        Report.against(ours.millis(99) / yardstick.millis(99), pair.aim(), true),
        Report.number(direct.millis(50)) + " / " + Report.number(direct.millis(99)),
        Report.ratio(ours.millis(50) / direct.millis(50))
            + " / "
            + Report.ratio(ours.millis(99) / direct.millis(99)),
        (ours.errors() + ours.overloaded())
            + " / "
            + (yardstick.errors() + yardstick.overloaded())
            + " / "
            + (direct.errors() + direct.overloaded()),
        answeredBy);
  }

  private List<String> took(Bench bench, Pair pair) throws Exception {
    Histogram ranking = tookOf(bench, pair.rankingRequests());
    Histogram plain = tookOf(bench, pair.plain());
    return List.of(
        pair.what(),
        ranking.getValueAtPercentile(50) + " / " + ranking.getValueAtPercentile(99),
        plain.getValueAtPercentile(50) + " / " + plain.getValueAtPercentile(99),
        Report.ratio(
            (double) Math.max(1, ranking.getValueAtPercentile(50))
                / Math.max(1, plain.getValueAtPercentile(50))));
  }

  /** Elasticsearch's {@code took} of each request, sent one at a time. */
  private static Histogram tookOf(Bench bench, List<HttpRequest> requests) throws Exception {
    Histogram took = new Histogram(3);
    for (HttpRequest request : requests) {
      took.recordValue(JSON.readTree(send(bench, request)).path("took").asLong());
    }
    return took;
  }

  /** The ranking request the service would send, for posting straight to Elasticsearch. */
  private Ranking direct(String elasticsearch, Mono<SearchRequest> built) {
    SearchRequest request =
        Objects.requireNonNull(CommandLine.await(built, Duration.ofSeconds(30)));
    return new Ranking(
        elasticsearch,
        String.join(",", request.index()),
        Boolean.TRUE.equals(request.includeNamedQueriesScore()),
        JsonpUtils.toJsonString(request, client._jsonpMapper()));
  }

  /**
   * What the profile API says of the first page's ranking query for up to {@link #PROFILED}
   * samples: the documents the query scored, against the documents its filters let through (the
   * eligible set); a query Lucene can prune scores a small part of it.
   */
  private List<String> scored(Bench bench, Pair pair) throws Exception {
    List<Long> scored = new ArrayList<>();
    List<Long> eligible = new ArrayList<>();
    for (Ranking ranking : pair.ranking().subList(0, Math.min(PROFILED, pair.ranking().size()))) {
      JsonNode profile = JSON.readTree(send(bench, ranking.profiled()));
      long documents = 0;
      for (JsonNode shard : profile.path("profile").path("shards")) {
        for (JsonNode search : shard.path("searches")) {
          documents += search.path("query").path(0).path("breakdown").path("score_count").asLong();
        }
      }
      scored.add(documents);
      eligible.add(JSON.readTree(send(bench, ranking.count())).path("count").asLong());
    }
    return List.of(
        pair.what(),
        String.valueOf(scored.size()),
        String.format(Locale.ROOT, "%,d", median(scored)),
        String.format(Locale.ROOT, "%,d", median(eligible)),
        Report.number(
                100.0
                    * scored.stream().mapToLong(Long::longValue).sum()
                    / Math.max(1, eligible.stream().mapToLong(Long::longValue).sum()))
            + " %");
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }

  private static String send(Bench bench, HttpRequest request) throws Exception {
    HttpResponse<String> response =
        bench.http().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Elasticsearch answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /**
   * The yardstick: the service's plain search of open opportunities in the sample's city,
   * no text, one page of {@link #PAGE}, by the same client on the same path as matches and
   * candidates.
   */
  private HttpRequest plainThroughService(Bench bench, Samples.Sample sample) {
    return Http.get(
        bench.service() + "/api/opportunities/search?city=" + sample.city() + "&size=" + PAGE,
        null);
  }

  /**
   * The stricter yardstick: 20 documents of the sample's city through filters only, the simplest
   * search on the same index, built with the typed client and sent by the load's own HTTP client.
   */
  private HttpRequest plain(String elasticsearch, String index, Samples.Sample sample) {
    Query filter = index.equals(opportunities) ? Samples.OPEN : Samples.ACTIVE;
    SearchRequest request =
        SearchRequest.of(
            search ->
                search
                    .size(PAGE)
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
