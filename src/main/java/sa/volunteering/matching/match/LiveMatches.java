package sa.volunteering.matching.match;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import sa.volunteering.matching.indexing.IndexedOpportunities;
import sa.volunteering.matching.search.ElasticsearchLanes;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import sa.volunteering.matching.search.opportunities.Language;
import sa.volunteering.matching.search.stream.Followers;
import sa.volunteering.matching.search.stream.StreamEvent;
import sa.volunteering.matching.system.PostgresNotifications;

/**
 * New matches pushed as they happen, without a percolator: every instance listens on {@code
 * opportunities_indexed}, reads the announced opportunities once by id (real-time get, no refresh
 * to wait for), and scores each against every volunteer following on this instance with {@link
 * MatchScorer}, the same model the ranked lists use. A follower hears of an opportunity once per
 * subscription, when it first qualifies: eligible, and scoring at least {@code
 * app.matching.live-threshold} of the highest score.
 */
@Component
class LiveMatches implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveMatches.class);

  private final PostgresNotifications notifications;
  private final ElasticsearchAsyncClient client;
  private final ElasticsearchLanes lanes;
  private final MatchScorer scorer;
  private final MatchService matching;
  private final MatchingProperties properties;
  private final String opportunities;

  /**
   * Replaced at each stop, which completes the old one (its followers' streams end): the context
   * may be started again (Spring's test framework pauses idle contexts; operators may stop and
   * start it).
   */
  private volatile Sinks.Many<List<Announced>> indexed =
      Sinks.many().multicast().directBestEffort();

  private final Followers followers;
  private volatile Disposable listening = () -> {};
  private volatile boolean running;

  LiveMatches(
      PostgresNotifications notifications,
      ElasticsearchAsyncClient client,
      ElasticsearchLanes lanes,
      MatchScorer scorer,
      MatchService matching,
      MatchingProperties properties,
      SearchIndexProperties indexes,
      io.micrometer.core.instrument.MeterRegistry meters) {
    this.notifications = notifications;
    this.client = client;
    this.lanes = lanes;
    this.scorer = scorer;
    this.matching = matching;
    this.properties = properties;
    this.opportunities = indexes.alias("opportunities");
    this.followers =
        new Followers(
            meters, "matching.live.followers", properties.liveMaxSubscribers(), "matches");
  }

  /** An announced opportunity, read once for every follower on the instance. */
  private record Announced(Map<String, Object> source, OpportunityDoc opportunity) {}

  /** Volunteers followed on this instance now (also the gauge {@code matching.live.followers}). */
  int followers() {
    return followers.count();
  }

  /**
   * Matches for {@code volunteer} from now on, as stream events; ends only when the client leaves.
   * A heartbeat goes out as soon as the stream follows the announcements: the response's head
   * reaches the client (and any balancer) at once rather than with the first match, and a client
   * may take it as the sign that it hears of whatever is announced from then on.
   */
  Flux<StreamEvent> follow(VolunteerDoc volunteer, Language language) {
    return followers.follow(
        () ->
            follow(volunteer, matching.appliedBy(volunteer), language)
                .mergeWith(Mono.just(new StreamEvent.Heartbeat())));
  }

  /** What is announced from now on and matches, but what the volunteer had applied to. */
  private Flux<StreamEvent> follow(VolunteerDoc volunteer, Set<String> applied, Language language) {
    Set<String> told = ConcurrentHashMap.newKeySet();
    told.addAll(applied);
    double threshold = properties.liveThreshold() * scorer.highestFor(volunteer);
    return indexed
        .asFlux()
        .onBackpressureDrop(
            dropped ->
                log.warn(
                    "A live follower fell behind; {} opportunities not scored for it",
                    dropped.size()))
        .flatMapIterable(documents -> documents)
        .<StreamEvent>handle(
            (announced, sink) -> {
              Instant now = Instant.now();
              OpportunityDoc opportunity = announced.opportunity();
              if (told.contains(opportunity.id())
                  || scorer.ineligible(volunteer, opportunity, now) != null) {
                return;
              }
              Explanation explanation =
                  scorer.explain(volunteer, opportunity, Direction.OPPORTUNITIES, now);
              if (explanation.score() >= threshold && told.add(opportunity.id())) {
                sink.next(
                    new StreamEvent.HitEvent(
                        opportunity.id(),
                        matching.matchHit(
                            volunteer, announced.source(), explanation, false, language)));
              }
            });
  }

  @Override
  public void start() {
    listening =
        notifications
            .listen(IndexedOpportunities.CHANNEL)
            .filter(payload -> !payload.isEmpty() && followers.count() > 0)
            .concatMap(
                payload ->
                    read(Arrays.asList(payload.split(",")))
                        .onErrorResume(
                            error -> {
                              log.warn(
                                  "Could not read announced opportunities for live matches", error);
                              return Mono.empty();
                            }))
            // followers score on the emitting thread: a worker of the parallel scheduler, not the
            // client's I/O thread
            .publishOn(Schedulers.parallel())
            .subscribe(announced -> indexed.tryEmitNext(announced));
    running = true;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Mono<List<Announced>> read(List<String> ids) {
    return lanes
        .search(
            () ->
                client.mget(
                    m -> m.index(opportunities).ids(ids).sourceIncludes(MatchService.MATCH_SOURCE),
                    Map.class))
        .map(
            response ->
                response.docs().stream()
                    .filter(MultiGetResponseItem::isResult)
                    .map(item -> item.result())
                    .filter(result -> result.found() && result.source() != null)
                    .map(
                        result ->
                            new Announced(
                                (Map<String, Object>) result.source(),
                                OpportunityDoc.of((Map<String, Object>) result.source())))
                    .toList());
  }

  @Override
  public void stop() {
    listening.dispose();
    Sinks.Many<List<Announced>> stopped = indexed;
    indexed = Sinks.many().multicast().directBestEffort();
    stopped.tryEmitComplete();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
