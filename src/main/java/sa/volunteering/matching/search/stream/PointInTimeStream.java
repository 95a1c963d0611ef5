package sa.volunteering.matching.search.stream;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.Elasticsearch;
import sa.volunteering.matching.search.ElasticsearchLanes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every hit of a query, through a point in time and {@code search_after}. A page is fetched only
 * when the previous one is being read, so a slow client holds the stream to at most two pages in
 * memory; a client that leaves cancels the stream and the point in time is closed at once rather
 * than left to expire.
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
   * @param namedScores whether each hit says what each named clause scored
   */
  public record Query(
      String index,
      co.elastic.clients.elasticsearch._types.query_dsl.Query query,
      List<SortOptions> sort,
      String sortName,
      List<String> source,
      co.elastic.clients.elasticsearch.core.search.@Nullable Highlight highlight,
      boolean namedScores) {

    public Query(
        String index,
        co.elastic.clients.elasticsearch._types.query_dsl.Query query,
        List<SortOptions> sort,
        String sortName,
        List<String> source,
        co.elastic.clients.elasticsearch.core.search.@Nullable Highlight highlight) {
      this(index, query, sort, sortName, source, highlight, false);
    }

    /** A ranked query whose hits carry the score of each named clause. */
    public static Query ranked(
        String index,
        co.elastic.clients.elasticsearch._types.query_dsl.Query query,
        List<SortOptions> sort,
        String sortName,
        List<String> source) {
      return new Query(index, query, sort, sortName, source, null, true);
    }
  }

  private final ElasticsearchAsyncClient client;
  private final ElasticsearchLanes lanes;
  private final JsonMapper json;
  private final StreamProperties limits;
  private final Time keepAlive;
  private final Counter pages;
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
                fetch(pit, query, after == null ? null : after.inNewPointInTime(), 0, limit, read)
                    .expand(
                        page ->
                            page.end() || page.truncated()
                                ? Mono.empty()
                                : fetch(pit, query, page.lastSort(), page.sent(), limit, read))
                    .doOnNext(last::set)
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

  private record StreamPage(
      List<StreamEvent> events,
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
        SearchRequest.of(
            s -> {
              s.pit(p -> p.id(pit.get()).keepAlive(keepAlive))
                  .query(query.query())
                  .sort(query.sort())
                  .size(size)
                  .trackTotalHits(t -> t.enabled(false))
                  .source(source -> source.filter(f -> f.includes(query.source())));
              if (query.namedScores()) {
                s.includeNamedQueriesScore(true);
              }
              if (after != null) {
                s.searchAfter(after);
              }
              if (query.highlight() != null) {
                s.highlight(query.highlight());
              }
              return s;
            });
    return lanes
        .search(() -> client.search(request, Map.class))
        .map(
            response -> {
              pages.increment();
              if (response.pitId() != null) {
                pit.set(response.pitId());
              }
              List<Hit<Map<String, Object>>> found = (List) response.hits().hits();
              boolean truncated = found.size() > allowed;
              List<Hit<Map<String, Object>>> kept = truncated ? found.subList(0, allowed) : found;
              List<StreamEvent> events =
                  kept.stream()
                      .map(
                          hit ->
                              (StreamEvent)
                                  new StreamEvent.HitEvent(
                                      new Cursor(query.sortName(), hit.sort()).encode(json),
                                      read.apply(hit)))
                      .toList();
              List<FieldValue> lastSort = kept.isEmpty() ? after : kept.get(kept.size() - 1).sort();
              return new StreamPage(
                  events, lastSort, sentBefore + kept.size(), found.size() < size, truncated);
            });
  }
}
