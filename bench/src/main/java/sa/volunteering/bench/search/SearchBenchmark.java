package sa.volunteering.bench.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.NdjsonRead;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import sa.volunteering.matching.search.opportunities.HitReader;
import sa.volunteering.matching.search.opportunities.OpportunityQueries;
import sa.volunteering.matching.search.opportunities.OpportunityQuery;
import sa.volunteering.matching.search.opportunities.OpportunitySearch;
import sa.volunteering.matching.search.opportunities.QueryParser;
import sa.volunteering.matching.search.opportunities.SearchParameters;
import sa.volunteering.matching.search.stream.StreamProperties;
import sa.volunteering.matching.taxonomy.City;
import sa.volunteering.matching.taxonomy.Field;
import sa.volunteering.matching.taxonomy.Skill;
import sa.volunteering.matching.taxonomy.Taxonomy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search mix as the service is asked for it and as the service asks Elasticsearch for it (the
 * same request body, built by the service's own query code), and a streamed result against a plain
 * point-in-time + {@code search_after} loop. Runs inside the process that serves, on its own
 * threads, with blocking HTTP clients: nothing here runs on a Reactor thread.
 */
@Component
class SearchBenchmark {

  private static final Logger log = LoggerFactory.getLogger(SearchBenchmark.class);

  /** One search, as the service is asked for it and as the service asks Elasticsearch for it. */
  record Probe(String servicePath, String elasticsearchBody) {}

  private final QueryParser parser;
  private final OpportunitySearch search;
  private final Taxonomy taxonomy;
  private final ElasticsearchClient elasticsearch;
  private final StreamProperties streamLimits;
  private final JsonMapper json;
  private final String alias;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  SearchBenchmark(
      QueryParser parser,
      OpportunitySearch search,
      Taxonomy taxonomy,
      ElasticsearchClient elasticsearch,
      StreamProperties streamLimits,
      JsonMapper json,
      SearchIndexProperties indexes) {
    this.parser = parser;
    this.search = search;
    this.taxonomy = taxonomy;
    this.elasticsearch = elasticsearch;
    this.streamLimits = streamLimits;
    this.json = json;
    this.alias = indexes.alias("opportunities");
  }

  /** A seeded mix of what volunteers send: text in either language, filters, sorts, pages. */
  List<Probe> probes(int count, long seed) {
    Random random = new Random(seed);
    List<Field> fields = taxonomy.fields().all();
    List<Skill> skills = taxonomy.skills().all();
    List<City> cities = taxonomy.cities().all();
    List<String> words =
        List.of(
            "تنظيم",
            "المتطوعين",
            "تطوع",
            "الفعاليات",
            "إدارة المعرض",
            "تنسيق الفعالية",
            "volunteers",
            "event",
            "الاسعافات الاولية",
            "تعليم",
            "خدمة الحجاج",
            "environment",
            "توعية",
            "Riyadh",
            "جده",
            "مكه المكرمه",
            "first aid",
            "تصميم");
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> parameters = new ArrayList<>();
      int kind = random.nextInt(10);
      if (kind < 6) {
        String text =
            switch (random.nextInt(4)) {
              case 0 -> words.get(random.nextInt(words.size()));
              case 1 -> skills.get(random.nextInt(skills.size())).ar();
              case 2 -> skills.get(random.nextInt(skills.size())).en();
              default ->
                  fields.get(random.nextInt(fields.size())).ar()
                      + " "
                      + cities.get(random.nextInt(cities.size())).ar();
            };
        add(parameters, "q", text);
      }
      if (random.nextInt(3) == 0) {
        City city = cities.get(random.nextInt(Math.min(12, cities.size())));
        add(parameters, "city", random.nextBoolean() ? city.ar() : city.en());
      }
      if (random.nextInt(4) == 0) {
        add(parameters, "field", fields.get(random.nextInt(fields.size())).code());
      }
      if (random.nextInt(6) == 0) {
        add(parameters, "mode", random.nextBoolean() ? "remote" : "on_site,hybrid");
      }
      if (random.nextInt(5) == 0) {
        City near = cities.get(random.nextInt(cities.size()));
        add(parameters, "lat", String.valueOf(near.lat()));
        add(parameters, "lon", String.valueOf(near.lon()));
        add(parameters, "radiusKm", "50");
        if (random.nextBoolean()) {
          add(parameters, "sort", "nearest");
        }
      } else if (random.nextInt(5) == 0) {
        add(parameters, "sort", "soonest");
        add(parameters, "from", LocalDate.now().plusDays(random.nextInt(60)).toString());
      }
      if (random.nextInt(5) == 0) {
        add(parameters, "page", String.valueOf(1 + random.nextInt(5)));
      }
      probes.add(probe(parameters));
    }
    return probes;
  }

  private Probe probe(List<String> parameters) {
    StringBuilder path = new StringBuilder("/api/opportunities/search");
    for (int i = 0; i < parameters.size(); i += 2) {
      path.append(i == 0 ? '?' : '&')
          .append(parameters.get(i))
          .append('=')
          .append(URLEncoder.encode(parameters.get(i + 1), StandardCharsets.UTF_8));
    }
    SearchParameters request = parameters(parameters);
    OpportunityQuery query = parser.parse(request);
    SearchRequest sent = search.request(query, parser.paging(request, 20, 100));
    return new Probe(path.toString(), JsonpUtils.toJsonString(sent, elasticsearch._jsonpMapper()));
  }

  private static SearchParameters parameters(List<String> pairs) {
    java.util.Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < pairs.size(); i += 2) {
      map.put(pairs.get(i), pairs.get(i + 1));
    }
    Function<String, @Nullable List<String>> list =
        name -> map.containsKey(name) ? List.of(map.get(name)) : null;
    Function<String, @Nullable Double> number =
        name -> map.containsKey(name) ? Double.valueOf(map.get(name)) : null;
    return new SearchParameters(
        map.get("q"),
        list.apply("city"),
        null,
        list.apply("field"),
        null,
        null,
        list.apply("mode"),
        map.containsKey("from") ? LocalDate.parse(map.get("from")) : null,
        null,
        number.apply("lat"),
        number.apply("lon"),
        number.apply("radiusKm"),
        null,
        null,
        null,
        null,
        map.get("sort"),
        map.containsKey("page") ? Integer.valueOf(map.get("page")) : null,
        null,
        null,
        null);
  }

  private static void add(List<String> parameters, String name, String value) {
    parameters.add(name);
    parameters.add(value);
  }

  HttpRequest service(String base, Probe probe) {
    return HttpRequest.newBuilder(URI.create(base + probe.servicePath()))
        .header("Accept-Language", "ar")
        .GET()
        .build();
  }

  HttpRequest direct(String elasticsearchBase, Probe probe) {
    return HttpRequest.newBuilder(URI.create(elasticsearchBase + "/" + alias + "/_search"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(probe.elasticsearchBody()))
        .build();
  }

  /** What one streamed read measured. */
  record StreamRun(String side, long hits, double seconds, double firstByteMillis) {
    double perSecond() {
      return hits / seconds;
    }
  }

  /** Reads the service's NDJSON stream of {@code limit} hits to the end. */
  StreamRun streamService(String base, int limit) throws Exception {
    NdjsonRead read =
        NdjsonRead.of(
            http,
            HttpRequest.newBuilder(
                    URI.create(
                        base + "/api/opportunities/search/stream?sort=newest&limit=" + limit))
                .header("Accept", "application/x-ndjson")
                .GET()
                .build());
    return new StreamRun("service", read.hits(), read.seconds(), read.firstByteMillis());
  }

  /**
   * The yardstick: the same query, sort, page size and source fields in a plain point-in-time loop.
   */
  StreamRun streamDirect(String elasticsearchBase, int limit) throws Exception {
    OpportunityQuery query = parser.parse(parameters(List.of("sort", "newest")));
    long start = System.nanoTime();
    JsonNode opened =
        json.readTree(post(elasticsearchBase + "/" + alias + "/_pit?keep_alive=1m", ""));
    String pit = opened.path("id").asString();
    long hits = 0;
    double firstByte = -1;
    JsonNode after = null;
    try {
      while (hits < limit) {
        int size = (int) Math.min(streamLimits.pageSize(), limit - hits);
        SearchRequest request =
            SearchRequest.of(
                s ->
                    s.query(OpportunityQueries.all(query))
                        .sort(OpportunityQueries.sort(query))
                        .size(size)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(source -> source.filter(f -> f.includes(HitReader.SOURCE))));
        JsonNode body =
            json.readTree(JsonpUtils.toJsonString(request, elasticsearch._jsonpMapper()));
        tools.jackson.databind.node.ObjectNode withPit =
            (tools.jackson.databind.node.ObjectNode) body;
        withPit.putObject("pit").put("id", pit).put("keep_alive", "1m");
        if (after != null) {
          withPit.set("search_after", after);
        }
        JsonNode page =
            json.readTree(post(elasticsearchBase + "/_search", json.writeValueAsString(withPit)));
        if (firstByte < 0) {
          firstByte = (System.nanoTime() - start) / 1e6;
        }
        JsonNode found = page.path("hits").path("hits");
        if (found.isEmpty()) {
          break;
        }
        hits += found.size();
        after = found.get(found.size() - 1).path("sort");
        pit = page.path("pit_id").asString(pit);
      }
    } finally {
      delete(elasticsearchBase + "/_pit", json.createObjectNode().put("id", pit).toString());
    }
    return new StreamRun(
        "direct point in time", hits, (System.nanoTime() - start) / 1e9, firstByte);
  }

  /** Heap after a full collection, in MB. */
  static double heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  /**
   * Heap seen while some work ran, in MB: the most in use (garbage included), and the most still
   * live after a collection.
   */
  record HeapDuring(double peakUsed, double peakLiveAfterGc) {}

  /** Runs {@code work} while sampling the heap every 20 ms. */
  static HeapDuring heapDuring(Callable work) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<java.lang.management.MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(
                pool ->
                    pool.getType() == java.lang.management.MemoryType.HEAP
                        && pool.getCollectionUsage() != null)
            .toList();
    AtomicLong peak = new AtomicLong();
    AtomicLong live = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          live.accumulateAndGet(
              heapPools.stream().mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum(),
              Math::max);
        },
        0,
        20,
        TimeUnit.MILLISECONDS);
    try {
      work.call();
    } finally {
      sampler.shutdownNow();
    }
    return new HeapDuring(peak.get() / 1048576.0, live.get() / 1048576.0);
  }

  /** Work that may throw. */
  interface Callable {
    void call() throws Exception;
  }

  private String post(String url, String body) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private void delete(String url, String body) throws IOException, InterruptedException {
    http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
