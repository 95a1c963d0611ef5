package sa.volunteering.matching.search.stream;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import sa.volunteering.matching.search.Elasticsearch;
import sa.volunteering.matching.search.ElasticsearchLanes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every hit of a query, through a point in time and {@code search_after}. Pages are handed over to
 * a parallel worker, which reads each hit into its event as the client takes it, so that the next
 * page is asked for as soon as one is answered (while fewer than two wait), not after the one
 * before has been written: a stream holds at most four pages (one asked for, two waiting, one being
 * written) however slow its client. A client that leaves cancels the stream and the point in time
 * is closed at once rather than left to expire.
 *
 * <p>A ranked query scores every eligible document on each request that asks for the next hits in
 * score order, however few it asks for. So its stream first lists the next {@code ranked-batch} ids
 * and scores in order (no source), then fetches each page of those ids by id in the same point in
 * time, where Elasticsearch scores only the page's documents, with the same query and so the same
 * scores and named clauses: a 100,000-hit stream is ten scoring passes rather than two hundred, and
 * holds at most two lists of ids.
 */
@Component
public class PointInTimeStream {

  private static final Logger log = LoggerFactory.getLogger(PointInTimeStream.class);

  /**
   * What to stream.
   *
   * @param sort must end on a unique field, so that a cursor names one hit
   * @param sortName written into cursors, so that one from another sort is refused
   * @param highlight what to mark in each hit, if anything
   * @param namedScores whether each hit says what each named clause scored; such a query is ranked
   *     and streamed through lists of ids
   * @param asOf the time a ranked query scores with, written into cursors ({@link Cursor#asOf})
   */
  public record Query(
      String index,
      co.elastic.clients.elasticsearch._types.query_dsl.Query query,
      List<SortOptions> sort,
      String sortName,
      List<String> source,
      co.elastic.clients.elasticsearch.core.search.@Nullable Highlight highlight,
      boolean namedScores,
      @Nullable Instant asOf) {

    public Query(
        String index,
        co.elastic.clients.elasticsearch._types.query_dsl.Query query,
        List<SortOptions> sort,
        String sortName,
        List<String> source,
        co.elastic.clients.elasticsearch.core.search.@Nullable Highlight highlight) {
      this(index, query, sort, sortName, source, highlight, false, null);
    }

    /**
     * A ranked query whose hits carry the score of each named clause, scored as of {@code asOf}.
     */
    public static Query ranked(
        String index,
        co.elastic.clients.elasticsearch._types.query_dsl.Query query,
        List<SortOptions> sort,
        String sortName,
        List<String> source,
        Instant asOf) {
      return new Query(index, query, sort, sortName, source, null, true, asOf);
    }
  }

  private final ElasticsearchAsyncClient client;
  private final ElasticsearchLanes lanes;
  private final JsonMapper json;
  private final StreamProperties limits;
  private final Time keepAlive;
  private final Counter pages;
  private final Counter rankedLists;
  private final AtomicInteger open = new AtomicInteger();

  PointInTimeStream(
      ElasticsearchAsyncClient client,
      ElasticsearchLanes lanes,
      JsonMapper json,
      StreamProperties limits,
      MeterRegistry meters) {
    this.client = client;
    this.lanes = lanes;
    this.json = json;
    this.limits = limits;
    this.keepAlive = Time.of(t -> t.time(limits.keepAlive().toMillis() + "ms"));
    this.pages =
        Counter.builder("search.stream.pages")
            .description("Pages of hits fetched from Elasticsearch for result streams")
            .register(meters);
    this.rankedLists =
        Counter.builder("search.stream.ranked-lists")
            .description("Lists of ranked ids fetched from Elasticsearch for ranked result streams")
            .register(meters);
    meters.gauge("search.stream.open", open);
  }

  /**
   * The hits after {@code after} (all of them when null), at most {@code limit}, each mapped by
   * {@code read}, then a summary.
   */
  public Flux<StreamEvent> stream(
      Query query,
      @Nullable Cursor after,
      int limit,
      Function<Hit<Map<String, Object>>, Object> read) {
    long started = System.nanoTime();
    AtomicReference<StreamPage> last = new AtomicReference<>();
    Flux<StreamEvent> hitEvents =
        Flux.usingWhen(
            openPointInTime(query.index()),
            pit ->
                (query.namedScores()
                        ? rankedPages(pit, query, after, limit, read)
                        : pages(pit, query, after, limit, read))
                    .doOnNext(last::set)
                    .publishOn(Schedulers.parallel(), 2)
                    .concatMapIterable(StreamPage::events, 1),
            this::close,
            (pit, error) -> close(pit),
            this::close);
    return hitEvents.concatWith(
        Mono.fromSupplier(
            () -> {
              StreamPage page = last.get();
              return new StreamEvent.Summary(
                  page == null ? 0 : page.sent(),
                  page != null && !page.truncated(),
                  (System.nanoTime() - started) / 1_000_000);
            }));
  }

  private Flux<StreamPage> pages(
      AtomicReference<String> pit,
      Query query,
      @Nullable Cursor after,
      int limit,
      Function<Hit<Map<String, Object>>, Object> read) {
    return fetch(pit, query, after == null ? null : after.inNewPointInTime(), 0, limit, read)
        .expand(
            page ->
                page.end() || page.truncated()
                    ? Mono.empty()
                    : fetch(pit, query, page.lastSort(), page.sent(), limit, read));
  }

  private Flux<StreamPage> rankedPages(
      AtomicReference<String> pit,
      Query query,
      @Nullable Cursor after,
      int limit,
      Function<Hit<Map<String, Object>>, Object> read) {
    return list(pit, query, after == null ? null : after.inNewPointInTime(), 0, limit)
        .expand(
            ranked ->
                ranked.end() || ranked.truncated()
                    ? Mono.empty()
                    : list(pit, query, ranked.lastSort(), ranked.sent(), limit))
        .concatMap(ranked -> Flux.fromIterable(ranked.pages(limits.pageSize())), 1)
        .concatMap(page -> fetchByIds(pit, query, page, read), 1);
  }

  /** A hit's place in a ranked list. */
  private record Ranked(String id, List<FieldValue> sort) {}

  /**
   * The next ids of a ranked query in order.
   *
   * @param sent how many hits the stream has sent once this list is
   */
  private record RankedList(
      List<Ranked> hits,
      @Nullable List<FieldValue> lastSort,
      int sent,
      boolean end,
      boolean truncated) {

    /** The list cut into pages; the last page says whether the list ended the stream. */
    List<RankedPage> pages(int size) {
      List<RankedPage> pages = new ArrayList<>();
      int sentBefore = sent - hits.size();
      for (int from = 0; from < hits.size(); from += size) {
        int to = Math.min(hits.size(), from + size);
        boolean last = to == hits.size();
        pages.add(
            new RankedPage(
                hits.subList(from, to), sentBefore + to, last && end, last && truncated));
      }
      if (pages.isEmpty()) {
        pages.add(new RankedPage(List.of(), sent, end, truncated));
      }
      return pages;
    }
  }

  private record RankedPage(List<Ranked> hits, int sent, boolean end, boolean truncated) {}

  /**
   * Lists the next ranked ids, one more than the limit allows, to tell a result cut short from one
   * that ended.
   */
  private Mono<RankedList> list(
      AtomicReference<String> pit,
      Query query,
      @Nullable List<FieldValue> after,
      int sentBefore,
      int limit) {
    int allowed = limit - sentBefore;
    int size = Math.min(limits.rankedBatch(), allowed + 1);
    SearchRequest request =
        inPointInTime(pit, query, size, after, s -> s.source(source -> source.fetch(false)));
    return searchIn(pit, request, Void.class, rankedLists)
        .map(
            response -> {
              List<Ranked> found =
                  response.hits().hits().stream()
                      .map(hit -> new Ranked(String.valueOf(hit.id()), hit.sort()))
                      .toList();
              boolean truncated = found.size() > allowed;
              List<Ranked> kept = truncated ? found.subList(0, allowed) : found;
              List<FieldValue> lastSort = kept.isEmpty() ? after : kept.getLast().sort();
              return new RankedList(
                  kept, lastSort, sentBefore + kept.size(), found.size() < size, truncated);
            });
  }

  /**
   * The page's documents, scored by the ranked query restricted to their ids in the same point in
   * time, in the list's order.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Mono<StreamPage> fetchByIds(
      AtomicReference<String> pit,
      Query query,
      RankedPage page,
      Function<Hit<Map<String, Object>>, Object> read) {
    if (page.hits().isEmpty()) {
      return Mono.just(new StreamPage(List.of(), null, page.sent(), page.end(), page.truncated()));
    }
    List<String> ids = page.hits().stream().map(Ranked::id).toList();
    SearchRequest request =
        SearchRequest.of(
            s ->
                s.pit(p -> p.id(pit.get()).keepAlive(keepAlive))
                    .query(
                        q ->
                            q.bool(
                                b -> b.must(query.query()).filter(f -> f.ids(i -> i.values(ids)))))
                    .size(ids.size())
                    .trackTotalHits(t -> t.enabled(false))
                    .includeNamedQueriesScore(true)
                    .source(source -> source.filter(f -> f.includes(query.source()))));
    return searchIn(pit, request, Map.class, pages)
        .map(
            response -> {
              Map<String, Hit<Map<String, Object>>> byId = new HashMap<>();
              for (Hit hit : response.hits().hits()) {
                byId.put(hit.id(), (Hit<Map<String, Object>>) hit);
              }
              List<Hit<Map<String, Object>>> inOrder = new ArrayList<>(ids.size());
              List<List<FieldValue>> sorts = new ArrayList<>(ids.size());
              for (Ranked ranked : page.hits()) {
                Hit<Map<String, Object>> hit = byId.get(ranked.id());
                if (hit != null) {
                  inOrder.add(hit);
                  sorts.add(ranked.sort());
                }
              }
              Iterable<StreamEvent> events =
                  () ->
                      IntStream.range(0, inOrder.size())
                          .mapToObj(i -> hitEvent(query, sorts.get(i), inOrder.get(i), read))
                          .iterator();
              return new StreamPage(
                  events, page.hits().getLast().sort(), page.sent(), page.end(), page.truncated());
            });
  }

  /**
   * Sends a search in the point in time, counts it, and keeps the point in time it answers with.
   */
  private <T> Mono<SearchResponse<T>> searchIn(
      AtomicReference<String> pit, SearchRequest request, Class<T> type, Counter counted) {
    return lanes
        .search(() -> client.search(request, type))
        .doOnNext(
            response -> {
              counted.increment();
              if (response.pitId() != null) {
                pit.set(response.pitId());
              }
            });
  }

  /** The next {@code size} hits of the query after {@code after}, in the point in time. */
  private SearchRequest inPointInTime(
      AtomicReference<String> pit,
      Query query,
      int size,
      @Nullable List<FieldValue> after,
      Consumer<SearchRequest.Builder> more) {
    return SearchRequest.of(
        s -> {
          s.pit(p -> p.id(pit.get()).keepAlive(keepAlive))
              .query(query.query())
              .sort(query.sort())
              .size(size)
              .trackTotalHits(t -> t.enabled(false));
          if (after != null) {
            s.searchAfter(after);
          }
          more.accept(s);
          return s;
        });
  }

  /** A hit with its cursor, read when the stream sends it. */
  private StreamEvent hitEvent(
      Query query,
      List<FieldValue> sort,
      Hit<Map<String, Object>> hit,
      Function<Hit<Map<String, Object>>, Object> read) {
    return new StreamEvent.HitEvent(
        new Cursor(query.sortName(), sort, query.asOf()).encode(json), read.apply(hit));
  }

  /**
   * @param events the page's hits, each read into its event only as the stream sends it
   */
  private record StreamPage(
      Iterable<StreamEvent> events,
      @Nullable List<FieldValue> lastSort,
      int sent,
      boolean end,
      boolean truncated) {}

  private Mono<AtomicReference<String>> openPointInTime(String index) {
    return lanes
        .search(() -> client.openPointInTime(o -> o.index(index).keepAlive(keepAlive)))
        .map(
            response -> {
              open.incrementAndGet();
              return new AtomicReference<>(response.id());
            });
  }

  /**
   * Closing frees Elasticsearch's resources, so it never waits for a place in the lane (it is
   * bounded by the streams open).
   */
  private Mono<Void> close(AtomicReference<String> pit) {
    return Elasticsearch.call(() -> client.closePointInTime(c -> c.id(pit.get())))
        .timeout(limits.keepAlive())
        .doOnError(
            error ->
                log.warn(
                    "Could not close a point in time; Elasticsearch drops it after {}",
                    limits.keepAlive(),
                    error))
        .onErrorComplete()
        .doFinally(signal -> open.decrementAndGet())
        .then();
  }

  /**
   * Asks for one more hit than the limit allows, to tell a result cut short from one that ended.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Mono<StreamPage> fetch(
      AtomicReference<String> pit,
      Query query,
      @Nullable List<FieldValue> after,
      int sentBefore,
      int limit,
      Function<Hit<Map<String, Object>>, Object> read) {
    int allowed = limit - sentBefore;
    int size = Math.min(limits.pageSize(), allowed + 1);
    SearchRequest request =
        inPointInTime(
            pit,
            query,
            size,
            after,
            s -> {
              s.source(source -> source.filter(f -> f.includes(query.source())));
              if (query.namedScores()) {
                s.includeNamedQueriesScore(true);
              }
              if (query.highlight() != null) {
                s.highlight(query.highlight());
              }
            });
    return searchIn(pit, request, Map.class, pages)
        .map(
            response -> {
              List<Hit<Map<String, Object>>> found = (List) response.hits().hits();
              boolean truncated = found.size() > allowed;
              List<Hit<Map<String, Object>>> kept = truncated ? found.subList(0, allowed) : found;
              Iterable<StreamEvent> events =
                  () -> kept.stream().map(hit -> hitEvent(query, hit.sort(), hit, read)).iterator();
              List<FieldValue> lastSort = kept.isEmpty() ? after : kept.get(kept.size() - 1).sort();
              return new StreamPage(
                  events, lastSort, sentBefore + kept.size(), found.size() < size, truncated);
            });
  }
}
