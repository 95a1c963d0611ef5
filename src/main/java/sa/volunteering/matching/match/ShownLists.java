package sa.volunteering.matching.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import sa.volunteering.matching.impressions.Impression;
import sa.volunteering.matching.impressions.ImpressionLog;
import sa.volunteering.matching.impressions.ImpressionProperties;
import sa.volunteering.matching.search.stream.StreamEvent;
import sa.volunteering.matching.system.IdGenerator;
import sa.volunteering.matching.system.web.Page;

/**
 * What a ranked list showed, as impressions for the {@link ImpressionLog}: every item of an
 * answered page at its rank, and the first {@code app.impressions.stream-hits} hits of a stream.
 */
@Component
class ShownLists {

  private final ImpressionLog log;
  private final IdGenerator ids;
  private final int streamHits;

  ShownLists(ImpressionLog log, IdGenerator ids, ImpressionProperties properties) {
    this.log = log;
    this.ids = ids;
    this.streamHits = properties.streamHits();
  }

  /** A page of a volunteer's matches, its first item at rank {@code from + 1}. */
  void matches(String volunteer, Page<MatchHit> page, int from) {
    Instant now = Instant.now();
    UUID list = ids.next();
    List<Impression> shown = new ArrayList<>(page.items().size());
    for (MatchHit hit : page.items()) {
      shown.add(
          impression(
              now,
              list,
              Direction.OPPORTUNITIES,
              volunteer,
              hit.opportunity().id(),
              from + shown.size() + 1,
              hit.explanation()));
    }
    log.record(shown);
  }

  /** A page of an opportunity's candidates, its first card at rank {@code from + 1}. */
  void candidates(String opportunity, Page<CandidateCard> page, int from) {
    Instant now = Instant.now();
    UUID list = ids.next();
    List<Impression> shown = new ArrayList<>(page.items().size());
    for (CandidateCard card : page.items()) {
      shown.add(
          impression(
              now,
              list,
              Direction.CANDIDATES,
              card.volunteerId(),
              opportunity,
              from + shown.size() + 1,
              card.explanation()));
    }
    log.record(shown);
  }

  /** The stream, its first hits logged as they pass: a volunteer's matches. */
  Flux<StreamEvent> matchStream(String volunteer, Flux<StreamEvent> events) {
    return tap(
        events,
        Direction.OPPORTUNITIES,
        hit -> {
          MatchHit match = (MatchHit) hit;
          return new Pair(volunteer, match.opportunity().id(), match.explanation());
        });
  }

  /** The stream, its first hits logged as they pass: an opportunity's candidates. */
  Flux<StreamEvent> candidateStream(String opportunity, Flux<StreamEvent> events) {
    return tap(
        events,
        Direction.CANDIDATES,
        hit -> {
          CandidateCard card = (CandidateCard) hit;
          return new Pair(card.volunteerId(), opportunity, card.explanation());
        });
  }

  private record Pair(String volunteer, String opportunity, Explanation explanation) {}

  private Flux<StreamEvent> tap(
      Flux<StreamEvent> events,
      Direction direction,
      java.util.function.Function<Object, Pair> read) {
    if (streamHits == 0) {
      return events;
    }
    return Flux.defer(
        () -> {
          Instant now = Instant.now();
          UUID list = ids.next();
          AtomicInteger rank = new AtomicInteger();
          return events.doOnNext(
              event -> {
                if (event instanceof StreamEvent.HitEvent hit
                    && rank.get() < streamHits
                    && (hit.hit() instanceof MatchHit || hit.hit() instanceof CandidateCard)) {
                  Pair pair = read.apply(hit.hit());
                  log.record(
                      List.of(
                          impression(
                              now,
                              list,
                              direction,
                              pair.volunteer(),
                              pair.opportunity(),
                              rank.incrementAndGet(),
                              pair.explanation())));
                }
              });
        });
  }

  private static Impression impression(
      Instant now,
      UUID list,
      Direction direction,
      String volunteer,
      String opportunity,
      int rank,
      Explanation explanation) {
    Map<String, Double> points = new LinkedHashMap<>();
    explanation.components().forEach(part -> points.put(part.name(), part.points()));
    return new Impression(
        now,
        list,
        direction.name().toLowerCase(java.util.Locale.ROOT),
        volunteer,
        opportunity,
        rank,
        explanation.score(),
        points);
  }
}
