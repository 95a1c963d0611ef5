package sa.volunteering.bench.search;

import java.net.http.HttpRequest;
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
import sa.volunteering.matching.search.index.IndexDefinition;
import sa.volunteering.matching.search.index.IndexDefinitions;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How search and match latency grow with the number of opportunities: copies of the first n
 * documents of the index (in index order), and last the whole index, each in turn behind the
 * service's alias for the time of its run; the alias goes back to the original index afterwards,
 * whatever happens, and the copies are deleted. Nothing may write to the index meanwhile: bin/bench
 * runs with indexing off.
 */
@Component
class ScalingMeasurement implements Measurement {

  private static final int PROBES = 300;
  private static final int VOLUNTEERS = 100;
  private static final int PAGE = 1_000;

  private final SearchBenchmark search;
  private final IndexDefinition definition;
  private final AdminToken admin;
  private final JsonMapper json;
  private final String alias;
  private final String volunteers;

  ScalingMeasurement(
      SearchBenchmark search,
      IndexDefinitions definitions,
      SearchIndexProperties indexes,
      AdminToken admin,
      JsonMapper json) {
    this.search = search;
    this.definition =
        definitions.all().stream()
            .filter(d -> d.name().equals("opportunities"))
            .findFirst()
            .orElseThrow();
    this.admin = admin;
    this.json = json;
    this.alias = indexes.alias("opportunities");
    this.volunteers = indexes.alias("volunteers");
  }

  @Override
  public int order() {
    return 50;
  }

  @Override
  public Report.Section measure(Bench bench) throws Exception {
    String original =
        json.readTree(call(bench, "GET", "/_alias/" + alias, null))
            .propertyNames()
            .iterator()
            .next();
    long all = count(bench, original);
    double rate =
        bench.scale().searchRates().get(Math.min(1, bench.scale().searchRates().size() - 1));
    List<SearchBenchmark.Probe> probes = search.probes(PROBES, 7);
    List<HttpRequest> toService =
        probes.stream().map(probe -> search.service(bench.service(), probe)).toList();
    List<HttpRequest> toElasticsearch =
        probes.stream().map(probe -> search.direct(bench.elasticsearch(), probe)).toList();
    String admin = this.admin.bearer();
    List<HttpRequest> matches = new ArrayList<>();
    json.readTree(
            call(
                bench,
                "POST",
                "/" + volunteers + "/_search",
                "{\"size\":"
                    + VOLUNTEERS
                    + ",\"_source\":[\"id\"],\"query\":"
                    + "{\"function_score\":{\"query\":{\"term\":{\"active\":true}},\"random_score\":{\"seed\":7,\"field\":\"_seq_no\"}}}}"))
        .path("hits")
        .path("hits")
        .forEach(
            hit ->
                matches.add(
                    Http.get(
                        bench.service()
                            + "/api/volunteers/"
                            + hit.path("_source").path("id").asString()
                            + "/matches",
                        admin)));

    List<List<String>> rows = new ArrayList<>();
    List<double[]> directP50 = new ArrayList<>();
    List<double[]> serviceP50 = new ArrayList<>();
    List<double[]> serviceP99 = new ArrayList<>();
    List<double[]> matchP50 = new ArrayList<>();
    List<Long> sizes =
        new ArrayList<>(
            bench.scale().subsets().stream().map(Integer::longValue).filter(n -> n < all).toList());
    sizes.add(all);
    for (long size : sizes) {
      String index = size == all ? original : copy(bench, original, size);
      try {
        point(bench, original, index);
        OpenLoad.run(
            bench.http(),
            "warm-up",
            toService,
            rate,
            bench.scale().warmUp(),
            SearchLoadMeasurement.MAX_IN_FLIGHT);
        OpenLoad.Result direct =
            OpenLoad.run(
                bench.http(),
                "direct",
                toElasticsearch,
                rate,
                bench.scale().perRate(),
                SearchLoadMeasurement.MAX_IN_FLIGHT);
        OpenLoad.Result service =
            OpenLoad.run(
                bench.http(),
                "service",
                toService,
                rate,
                bench.scale().perRate(),
                SearchLoadMeasurement.MAX_IN_FLIGHT);
        OpenLoad.Result matching =
            matches.isEmpty()
                ? null
                : OpenLoad.run(
                    bench.http(),
                    "matches",
                    matches,
                    bench.scale().matchRate(),
                    bench.scale().perRate(),
                    64);
        rows.add(
            List.of(
                String.format(Locale.ROOT, "%,d", size),
                Report.number(direct.millis(50)) + " / " + Report.number(direct.millis(99)),
                Report.number(service.millis(50)) + " / " + Report.number(service.millis(99)),
                matching == null
                    ? "–"
                    : Report.number(matching.millis(50))
                        + " / "
                        + Report.number(matching.millis(99))));
        directP50.add(new double[] {size, direct.millis(50)});
        serviceP50.add(new double[] {size, service.millis(50)});
        serviceP99.add(new double[] {size, service.millis(99)});
        if (matching != null) {
          matchP50.add(new double[] {size, matching.millis(50)});
        }
      } finally {
        point(bench, index, original);
        if (!index.equals(original)) {
          call(bench, "DELETE", "/" + index, null);
        }
      }
    }
    double growth = serviceP50.get(serviceP50.size() - 1)[1] / serviceP50.get(0)[1];
    return new Report.Section("Scaling with the number of opportunities")
        .paragraph(
            String.format(
                Locale.ROOT,
                "The search mix (%d searches) at %s requests a second, and %d volunteers' matches at %s a second,"
                    + " %d s each, against copies of the first n opportunities of the index and against the whole index (%,d).",
                PROBES,
                Report.number(rate),
                matches.size(),
                Report.number(bench.scale().matchRate()),
                bench.scale().perRate().toSeconds(),
                all))
        .table(
            List.of(
                "opportunities",
                "search direct p50 / p99 (ms)",
                "search service p50 / p99 (ms)",
                "matches p50 / p99 (ms)"),
            rows)
        .paragraph(
            "Search p50 through the service, largest over smallest: "
                + Report.against(growth, 1.5, true)
                + ".")
        .chart(
            new Report.Chart(
                "latency-by-size.png",
                "Latency against the number of opportunities",
                "opportunities",
                "ms",
                List.of(
                    new Report.Series("search direct p50", directP50),
                    new Report.Series("search service p50", serviceP50),
                    new Report.Series("search service p99", serviceP99),
                    new Report.Series("matches p50", matchP50))));
  }

  /**
   * The first {@code size} documents of the original in a new index, copied page by page (the
   * distribution has no _reindex).
   */
  private String copy(Bench bench, String original, long size) throws Exception {
    String copy = alias + "-scaling-" + size;
    call(bench, "DELETE", "/" + copy + "?ignore_unavailable=true", null);
    call(bench, "PUT", "/" + copy, definition.createBody(json, 0, true, null));
    String pit =
        json.readTree(call(bench, "POST", "/" + original + "/_pit?keep_alive=2m", null))
            .path("id")
            .asString();
    JsonNode after = null;
    long copied = 0;
    try {
      while (copied < size) {
        tools.jackson.databind.node.ObjectNode page = json.createObjectNode();
        page.put("size", (int) Math.min(PAGE, size - copied));
        page.putObject("pit").put("id", pit).put("keep_alive", "2m");
        page.putArray("sort").add("_shard_doc");
        if (after != null) {
          page.set("search_after", after);
        }
        JsonNode found = json.readTree(call(bench, "POST", "/_search", page.toString()));
        JsonNode hits = found.path("hits").path("hits");
        if (hits.isEmpty()) {
          break;
        }
        StringBuilder bulk = new StringBuilder();
        for (JsonNode hit : hits) {
          bulk.append("{\"index\":{\"_index\":\"")
              .append(copy)
              .append("\",\"_id\":\"")
              .append(hit.path("_id").asString())
              .append("\"}}\n")
              .append(hit.path("_source").toString())
              .append('\n');
        }
        JsonNode indexed = json.readTree(call(bench, "POST", "/_bulk", bulk.toString()));
        if (indexed.path("errors").asBoolean()) {
          throw new IllegalStateException(
              "copying into " + copy + " failed: " + indexed.toString().substring(0, 500));
        }
        copied += hits.size();
        after = hits.get(hits.size() - 1).path("sort");
        pit = found.path("pit_id").asString(pit);
      }
    } finally {
      call(bench, "DELETE", "/_pit", "{\"id\":\"" + pit + "\"}");
    }
    call(bench, "PUT", "/" + copy + "/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}");
    call(bench, "POST", "/" + copy + "/_refresh", null);
    return copy;
  }

  private void point(Bench bench, String from, String to) throws Exception {
    if (from.equals(to)) {
      return;
    }
    call(
        bench,
        "POST",
        "/_aliases",
        "{\"actions\":[{\"remove\":{\"index\":\""
            + from
            + "\",\"alias\":\""
            + alias
            + "\"}},"
            + "{\"add\":{\"index\":\""
            + to
            + "\",\"alias\":\""
            + alias
            + "\"}}]}");
  }

  private long count(Bench bench, String index) throws Exception {
    return json.readTree(call(bench, "GET", "/" + index + "/_count", null)).path("count").asLong();
  }

  private String call(
      Bench bench, String method, String path, @org.jspecify.annotations.Nullable String body)
      throws Exception {
    return Http.send(bench.http(), method, bench.elasticsearch() + path, body);
  }
}
