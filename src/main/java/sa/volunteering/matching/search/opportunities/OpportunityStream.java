package sa.volunteering.matching.search.opportunities;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.Elasticsearch;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every hit of a query, through a point in time and {@code search_after}. A page is fetched only when the
 * previous one is being read, so a slow client holds the stream to at most two pages in memory; a client
 * that leaves cancels the stream and the point in time is closed at once rather than left to expire.
 */
@Service
class OpportunityStream {

  private static final Logger log = LoggerFactory.getLogger(OpportunityStream.class);

  private final ElasticsearchAsyncClient client;
  private final HitReader hits;
  private final JsonMapper json;
  private final OpportunitySearchProperties.Stream limits;
  private final String alias;
  private final Time keepAlive;
  private final Counter pages;
  private final AtomicInteger open = new AtomicInteger();

  OpportunityStream(ElasticsearchAsyncClient client, HitReader hits, JsonMapper json, OpportunitySearchProperties limits,
      SearchIndexProperties indexes, MeterRegistry meters) {
    this.client = client;
    this.hits = hits;
    this.json = json;
    this.limits = limits.stream();
    this.alias = indexes.alias("opportunities");
    this.keepAlive = Time.of(t -> t.time(this.limits.keepAlive().toMillis() + "ms"));
    this.pages = Counter.builder("opportunity.search.stream.pages")
        .description("Pages of hits fetched from Elasticsearch for result streams").register(meters);
    meters.gauge("opportunity.search.stream.open", open);
  }

  /** The hits after {@code after} (all of them when null), at most {@code limit}, then a summary. */
  Flux<StreamEvent> stream(OpportunityQuery query, @Nullable Cursor after, int limit, Language language) {
    long started = System.nanoTime();
    AtomicReference<StreamPage> last = new AtomicReference<>();
    Flux<StreamEvent> hitEvents = Flux.usingWhen(
        openPointInTime(),
        pit -> fetch(pit, query, after == null ? null : after.inNewPointInTime(), 0, limit, language)
            .expand(page -> page.end() || page.truncated() ? Mono.empty() : fetch(pit, query, page.lastSort(), page.sent(), limit, language))
            .doOnNext(last::set)
            .concatMapIterable(StreamPage::events, 1),
        this::close,
        (pit, error) -> close(pit),
        this::close);
    return hitEvents.concatWith(Mono.fromSupplier(() -> {
      StreamPage page = last.get();
      return new StreamEvent.Summary(page == null ? 0 : page.sent(), page != null && !page.truncated(), (System.nanoTime() - started) / 1_000_000);
    }));
  }

  private record StreamPage(List<StreamEvent> events, @Nullable List<FieldValue> lastSort, int sent, boolean end, boolean truncated) {}

  private Mono<AtomicReference<String>> openPointInTime() {
    return Elasticsearch.call(() -> client.openPointInTime(o -> o.index(alias).keepAlive(keepAlive)))
        .map(response -> {
          open.incrementAndGet();
          return new AtomicReference<>(response.id());
        });
  }

  private Mono<Void> close(AtomicReference<String> pit) {
    return Elasticsearch.call(() -> client.closePointInTime(c -> c.id(pit.get())))
        .doOnError(error -> log.warn("Could not close a point in time; Elasticsearch drops it after {}", limits.keepAlive(), error))
        .onErrorComplete()
        .doFinally(signal -> open.decrementAndGet())
        .then();
  }

  /** Asks for one more hit than the limit allows, to tell a result cut short from one that ended. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Mono<StreamPage> fetch(AtomicReference<String> pit, OpportunityQuery query, @Nullable List<FieldValue> after,
      int sentBefore, int limit, Language language) {
    int allowed = limit - sentBefore;
    int size = Math.min(limits.pageSize(), allowed + 1);
    SearchRequest request = SearchRequest.of(s -> {
      s.pit(p -> p.id(pit.get()).keepAlive(keepAlive))
          .query(OpportunityQueries.all(query))
          .sort(OpportunityQueries.sort(query))
          .size(size)
          .trackTotalHits(t -> t.enabled(false))
          .source(source -> source.filter(f -> f.includes(HitReader.SOURCE)));
      if (after != null) {
        s.searchAfter(after);
      }
      return s;
    });
    return Elasticsearch.call(() -> client.search(request, Map.class)).map(response -> {
      pages.increment();
      SearchResponse<Map> page = response;
      if (page.pitId() != null) {
        pit.set(page.pitId());
      }
      List<Hit<Map>> found = page.hits().hits();
      boolean truncated = found.size() > allowed;
      List<Hit<Map>> kept = truncated ? found.subList(0, allowed) : found;
      List<StreamEvent> events = kept.stream()
          .map(hit -> (StreamEvent) new StreamEvent.HitEvent(new Cursor(query.sort(), hit.sort()).encode(json),
              hits.read((Map<String, Object>) hit.source(), query.sort() == SearchSort.RELEVANCE ? hit.score() : null, null, query, language)))
          .toList();
      List<FieldValue> lastSort = kept.isEmpty() ? after : kept.get(kept.size() - 1).sort();
      return new StreamPage(events, lastSort, sentBefore + kept.size(), found.size() < size, truncated);
    });
  }
}
