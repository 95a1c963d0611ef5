package sa.volunteering.matching.search.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.BaseSubscriber;
import sa.volunteering.matching.search.ElasticsearchLanes;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.TestEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ranked stream lists its ids a few at a time and fetches each page by id: with lists of 7 and
 * pages of 3, every hit comes once, in score order, with the score and named clauses Elasticsearch
 * gave it, across lists and pages, cut at the limit and resumed from a cursor. And any stream asks
 * for its next pages while the hits before are still being sent.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankedStreamIT {

  private static final String INDEX = TestEnvironment.PREFIX + "ranked-stream";
  private static final int DOCUMENTS = 20;
  private static final List<SortOptions> BY_SCORE_THEN_ID =
      List.of(
          SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))),
          SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
  private static final List<SortOptions> BY_ID =
      List.of(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));

  @Autowired ElasticsearchClient elasticsearch;
  @Autowired ElasticsearchAsyncClient client;
  @Autowired ElasticsearchLanes lanes;
  @Autowired JsonMapper json;

  SimpleMeterRegistry meters = new SimpleMeterRegistry();
  PointInTimeStream streams;

  /** Document {@code n} holds the tokens of the bits of {@code n}; bit k scores 2^k. */
  @BeforeAll
  void writeDocuments() throws IOException {
    elasticsearch
        .indices()
        .create(
            c ->
                c.index(INDEX)
                    .mappings(
                        m ->
                            m.properties("id", p -> p.keyword(k -> k))
                                .properties("bits", p -> p.keyword(k -> k))));
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (int n = 1; n <= DOCUMENTS; n++) {
      List<String> bits = new ArrayList<>();
      for (int bit = 0; bit < 5; bit++) {
        if ((n >> bit & 1) == 1) {
          bits.add(String.valueOf(bit));
        }
      }
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("id", "doc-" + n);
      document.put("bits", bits);
      bulk.operations(
          op -> op.index(i -> i.index(INDEX).id((String) document.get("id")).document(document)));
    }
    elasticsearch.bulk(bulk.refresh(Refresh.True).build());
    streams =
        new PointInTimeStream(
            client,
            lanes,
            json,
            new StreamProperties(
                DOCUMENTS * 2, 3, 7, Duration.ofMinutes(1), Duration.ofSeconds(15)),
            meters);
  }

  @AfterAll
  void removeIndex() throws IOException {
    elasticsearch.indices().delete(d -> d.index(INDEX));
  }

  @Test
  void everyHitOnceInScoreOrderWithItsNamedClauses() {
    double lists = counter("search.stream.ranked-lists");
    double pages = counter("search.stream.pages");
    List<StreamEvent> events = stream(null, DOCUMENTS);

    List<StreamEvent.HitEvent> hits = hits(events);
    assertThat(hits)
        .extracting(hit -> (String) hit.hit())
        .containsExactlyElementsOf(expected(DOCUMENTS, DOCUMENTS));
    StreamEvent.Summary summary = (StreamEvent.Summary) events.getLast();
    assertThat(summary.count()).isEqualTo(DOCUMENTS);
    assertThat(summary.complete()).isTrue();
    assertThat(counter("search.stream.ranked-lists") - lists)
        .as("lists of 7, 7 and 6")
        .isEqualTo(3);
    assertThat(counter("search.stream.pages") - pages)
        .as("pages of 3 within each list")
        .isEqualTo(8);
  }

  @Test
  void cutAtTheLimitAndResumedFromACursor() {
    List<StreamEvent.HitEvent> first = hits(stream(null, 8));
    assertThat(first)
        .extracting(hit -> (String) hit.hit())
        .containsExactlyElementsOf(expected(DOCUMENTS, 8));

    Cursor after = Cursor.decode(first.getLast().cursor(), "bits", "after", json);
    List<StreamEvent> rest = stream(after, DOCUMENTS);
    assertThat(hits(rest))
        .extracting(hit -> (String) hit.hit())
        .containsExactlyElementsOf(expected(DOCUMENTS - 8, DOCUMENTS - 8));
    assertThat(((StreamEvent.Summary) rest.getLast()).complete()).isTrue();
  }

  /**
   * Pages are asked for ahead of a client that has taken one hit, and hits are read only as they
   * are sent: a page's hits no longer stand between its answer and the request for the next page.
   */
  @Test
  void theNextPagesAreAskedForBeforeThePageBeforeIsRead() {
    double pages = counter("search.stream.pages");
    AtomicInteger read = new AtomicInteger();
    BaseSubscriber<StreamEvent> oneHitClient =
        new BaseSubscriber<>() {
          @Override
          protected void hookOnSubscribe(Subscription subscription) {
            request(1);
          }
        };
    streams.stream(
            new PointInTimeStream.Query(
                INDEX, Query.of(q -> q.matchAll(m -> m)), BY_ID, "id", List.of("id"), null),
            null,
            DOCUMENTS,
            hit -> {
              read.incrementAndGet();
              return hit.source().get("id");
            })
        .subscribe(oneHitClient);
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> counter("search.stream.pages") - pages >= 2);
      assertThat(read.get())
          .as("the hit taken and the next, which the page's iterator looks ahead to")
          .isLessThanOrEqualTo(2);
    } finally {
      oneHitClient.dispose();
    }
  }

  private List<StreamEvent> stream(Cursor after, int limit) {
    List<Query> clauses = new ArrayList<>();
    for (int bit = 0; bit < 5; bit++) {
      String token = String.valueOf(bit);
      clauses.add(
          Query.of(
              q ->
                  q.constantScore(
                      c ->
                          c.filter(f -> f.term(t -> t.field("bits").value(token)))
                              .boost((float) (1 << Integer.parseInt(token)))
                              .queryName("bit:" + token))));
    }
    Query query = Query.of(q -> q.bool(b -> b.should(clauses)));
    return streams.stream(
            PointInTimeStream.Query.ranked(
                INDEX, query, BY_SCORE_THEN_ID, "bits", List.of("id"), java.time.Instant.EPOCH),
            after,
            limit,
            hit -> {
              double named =
                  hit.matchedQueries() == null
                      ? 0
                      : hit.matchedQueries().values().stream()
                          .mapToDouble(Double::doubleValue)
                          .sum();
              return hit.source().get("id") + " " + hit.score() + " " + named;
            })
        .collectList()
        .block(Duration.ofSeconds(30));
  }

  /** The highest {@code count} of the first {@code upTo} documents in score order. */
  private static List<String> expected(int upTo, int count) {
    List<String> lines = new ArrayList<>();
    for (int n = upTo; n > upTo - count; n--) {
      lines.add("doc-" + n + " " + (double) n + " " + (double) n);
    }
    return lines;
  }

  private static List<StreamEvent.HitEvent> hits(List<StreamEvent> events) {
    return events.stream()
        .filter(StreamEvent.HitEvent.class::isInstance)
        .map(StreamEvent.HitEvent.class::cast)
        .toList();
  }

  private double counter(String name) {
    return meters.counter(name).count();
  }
}
