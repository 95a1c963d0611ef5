package sa.volunteering.tools.behaviour;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.application.ApplicationActs;
import sa.volunteering.tools.behaviour.ShownPairs.Shown;

/**
 * Plays the people who read the lists the service served since a time, list by list, by {@link
 * PreferenceModel}: a volunteer reading their matches looks down the list (position bias) and
 * applies to what draws them, and the organization accepts or rejects; an organization reading an
 * opportunity's candidates invites some, and an invited volunteer who says yes is applied and
 * accepted at once. Some of the accepted complete. Every act goes through the service's application
 * lifecycle (its rules, seats and outcome records); what the service refuses (already applied, not
 * eligible, no seat left) is counted, not retried. Each list's draws depend only on the seed and
 * the list, so the same seed on the same lists plays the same.
 */
@Component
public class BehaviourSimulator {

  private final ShownPairs shown;
  private final ApplicationActs acts;

  BehaviourSimulator(ShownPairs shown, ApplicationActs acts) {
    this.shown = shown;
    this.acts = acts;
  }

  /**
   * What a run did: lists read, results shown and looked at; applications and invitations made,
   * those the service took (applications created), and what became of them; acts it refused.
   */
  public record Tally(
      long lists,
      long shown,
      long examined,
      long applications,
      long invitations,
      long taken,
      long accepted,
      long rejected,
      long completed,
      long refused) {}

  /** What one result's reader decided, drawn before anything is written. */
  private record Decision(
      PairFacts pair, boolean candidates, boolean accepted, boolean completes) {}

  public Mono<Tally> run(Instant since, long seed) {
    Counters counters = new Counters();
    return shown
        .since(since)
        .bufferUntilChanged(Shown::list)
        .concatMap(list -> Flux.fromIterable(decide(list, seed, counters)))
        .concatMap(decision -> act(decision, counters))
        .then(Mono.fromSupplier(counters::tally));
  }

  private static List<Decision> decide(List<Shown> list, long seed, Counters counters) {
    counters.lists.incrementAndGet();
    counters.shown.addAndGet(list.size());
    UUID id = list.get(0).list();
    SplittableRandom random =
        new SplittableRandom(seed ^ id.getMostSignificantBits() ^ id.getLeastSignificantBits());
    List<Decision> decisions = new ArrayList<>();
    for (Shown result : list) {
      boolean looked = random.nextDouble() < PreferenceModel.examined(result.rank());
      boolean candidates = result.direction().equals("candidates");
      double drawn = random.nextDouble();
      double answered = random.nextDouble();
      double organization = random.nextDouble();
      double completion = random.nextDouble();
      if (!looked) {
        continue;
      }
      counters.examined.incrementAndGet();
      PairFacts pair = result.pair();
      boolean acts =
          candidates
              ? drawn < PreferenceModel.probability(PreferenceModel.invitationLogit(pair))
                  && answered < PreferenceModel.probability(PreferenceModel.answerLogit(pair))
              : drawn < PreferenceModel.probability(PreferenceModel.volunteerLogit(pair));
      if (!acts) {
        continue;
      }
      boolean accepted =
          candidates
              || organization
                  < PreferenceModel.probability(PreferenceModel.organizationLogit(pair));
      boolean completes =
          completion < PreferenceModel.probability(PreferenceModel.completionLogit(pair));
      decisions.add(new Decision(pair, candidates, accepted, completes));
    }
    return decisions;
  }

  private Mono<Void> act(Decision decision, Counters counters) {
    PairFacts pair = decision.pair();
    (decision.candidates() ? counters.invitations : counters.applications).incrementAndGet();
    Mono<Void> lifecycle =
        acts.apply(pair.volunteer(), pair.opportunity())
            .doOnNext(application -> counters.taken.incrementAndGet())
            .flatMap(
                application ->
                    decision.accepted()
                        ? acts.accept(pair.organization(), application)
                            .doOnNext(accepted -> counters.accepted.incrementAndGet())
                            .flatMap(
                                accepted ->
                                    decision.completes()
                                        ? acts.complete(pair.organization(), application)
                                            .doOnNext(done -> counters.completed.incrementAndGet())
                                        : Mono.just(accepted))
                        : acts.reject(pair.organization(), application)
                            .doOnNext(rejected -> counters.rejected.incrementAndGet()))
            .then();
    return lifecycle.onErrorResume(
        ErrorResponseException.class,
        refused -> {
          counters.refused.incrementAndGet();
          return Mono.empty();
        });
  }

  private static final class Counters {
    final AtomicLong lists = new AtomicLong();
    final AtomicLong shown = new AtomicLong();
    final AtomicLong examined = new AtomicLong();
    final AtomicLong applications = new AtomicLong();
    final AtomicLong invitations = new AtomicLong();
    final AtomicLong taken = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    final AtomicLong refused = new AtomicLong();

    Tally tally() {
      return new Tally(
          lists.get(),
          shown.get(),
          examined.get(),
          applications.get(),
          invitations.get(),
          taken.get(),
          accepted.get(),
          rejected.get(),
          completed.get(),
          refused.get());
    }
  }
}
