package sa.volunteering.bench.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.StringReader;
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
import sa.volunteering.matching.search.index.IndexDefinition;
import sa.volunteering.matching.search.index.IndexDefinitions;
import sa.volunteering.matching.search.index.SearchIndexProperties;
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

  private final ElasticsearchClient client;
  private final SearchBenchmark search;
  private final IndexDefinition definition;
  private final AdminToken admin;
  private final JsonMapper json;
  private final String alias;
  private final String volunteers;

  ScalingMeasurement(
      ElasticsearchClient client,
      SearchBenchmark search,
      IndexDefinitions definitions,
      SearchIndexProperties indexes,
      AdminToken admin,
      JsonMapper json) {
    this.client = client;
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
        client.indices().getAlias(a -> a.name(alias)).aliases().keySet().iterator().next();
    long all = count(original);
    double rate =
        bench.scale().searchRates().get(Math.min(1, bench.scale().searchRates().size() - 1));
    List<SearchBenchmark.Probe> probes = search.probes(PROBES, 7);
    List<HttpRequest> toService =
        probes.stream().map(probe -> search.service(bench.service(), probe)).toList();
    List<HttpRequest> toElasticsearch =
        probes.stream().map(probe -> search.direct(bench.elasticsearch(), probe)).toList();
    String admin = this.admin.bearer();
    List<HttpRequest> matches = new ArrayList<>();
    for (Hit<Map> hit :
        client
            .search(
                sample ->
                    sample
                        .index(volunteers)
                        .size(VOLUNTEERS)
                        .source(source -> source.filter(f -> f.includes("id")))
                        .query(
                            q ->
                                q.functionScore(
                                    scored ->
                                        scored
                                            .query(
                                                active ->
                                                    active.term(t -> t.field("active").value(true)))
                                            .functions(
                                                function ->
                                                    function.randomScore(
                                                        random ->
                                                            random.seed("7").field("_seq_no"))))),
                Map.class)
            .hits()
            .hits()) {
      matches.add(
          Http.get(
              bench.service()
                  + "/api/volunteers/"
                  + Objects.requireNonNull(hit.source()).get("id")
                  + "/matches",
              admin));
    }

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
      String index = size == all ? original : copy(original, size);
      try {
        point(original, index);
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
        point(index, original);
        if (!index.equals(original)) {
          client.indices().delete(d -> d.index(index));
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
  @SuppressWarnings("rawtypes")
  private String copy(String original, long size) throws Exception {
    String copy = alias + "-scaling-" + size;
    client.indices().delete(d -> d.index(copy).ignoreUnavailable(true));
    client
        .indices()
        .create(
            c ->
                c.index(copy)
                    .withJson(new StringReader(definition.createBody(json, 0, true, null))));
    String pit = client.openPointInTime(o -> o.index(original).keepAlive(k -> k.time("2m"))).id();
    List<FieldValue> after = List.of();
    long copied = 0;
    try {
      while (copied < size) {
        int pageSize = (int) Math.min(PAGE, size - copied);
        List<FieldValue> from = after;
        String at = pit;
        SearchResponse<Map> page =
            client.search(
                search -> {
                  search
                      .size(pageSize)
                      .pit(p -> p.id(at).keepAlive(k -> k.time("2m")))
                      .sort(sort -> sort.field(f -> f.field("_shard_doc")));
                  return from.isEmpty() ? search : search.searchAfter(from);
                },
                Map.class);
        List<Hit<Map>> hits = page.hits().hits();
        if (hits.isEmpty()) {
          break;
        }
        List<BulkOperation> operations = new ArrayList<>();
        for (Hit<Map> hit : hits) {
          operations.add(
              BulkOperation.of(
                  op ->
                      op.index(
                          i ->
                              i.index(copy)
                                  .id(hit.id())
                                  .document(Objects.requireNonNull(hit.source())))));
        }
        BulkResponse indexed = client.bulk(b -> b.operations(operations));
        if (indexed.errors()) {
          throw new IllegalStateException(
              "copying into " + copy + " failed: " + indexed.items().getFirst().error());
        }
        copied += hits.size();
        after = hits.getLast().sort();
        pit = page.pitId() == null ? pit : page.pitId();
      }
    } finally {
      String opened = pit;
      client.closePointInTime(c -> c.id(opened));
    }
    client
        .indices()
        .putSettings(
            p -> p.index(copy).settings(settings -> settings.refreshInterval(t -> t.time("1s"))));
    client.indices().refresh(r -> r.index(copy));
    return copy;
  }

  /** Moves the alias from one index to the other in one request. */
  private void point(String from, String to) throws IOException {
    if (from.equals(to)) {
      return;
    }
    client
        .indices()
        .updateAliases(
            update ->
                update
                    .actions(action -> action.remove(remove -> remove.index(from).alias(alias)))
                    .actions(action -> action.add(add -> add.index(to).alias(alias))));
  }

  private long count(String index) throws IOException {
    return client.count(c -> c.index(index)).count();
  }
}
