package sa.volunteering.matching.opportunity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.organization.OrganizationService;
import sa.volunteering.matching.outbox.AggregateType;
import sa.volunteering.matching.outbox.Outbox;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.security.Ownership;
import sa.volunteering.matching.system.IdGenerator;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.system.web.Page;
import sa.volunteering.matching.system.web.PageRequest;
import sa.volunteering.matching.taxonomy.Taxonomy;

@Service
public class OpportunityService {

  private static final List<String> ALL = List.of("draft", "published", "closed");
  private static final List<String> PUBLIC = List.of("published", "closed");

  private final OpportunityRepository opportunities;
  private final OrganizationService organizations;
  private final Outbox outbox;
  private final Taxonomy taxonomy;
  private final TransactionalOperator transaction;
  private final IdGenerator ids;

  OpportunityService(
      OpportunityRepository opportunities,
      OrganizationService organizations,
      Outbox outbox,
      Taxonomy taxonomy,
      TransactionalOperator transaction,
      IdGenerator ids) {
    this.opportunities = opportunities;
    this.organizations = organizations;
    this.outbox = outbox;
    this.taxonomy = taxonomy;
    this.transaction = transaction;
    this.ids = ids;
  }

  Mono<OpportunityView> create(Actor actor, UUID organizationId, OpportunityRequest request) {
    actor.requireOrganizationRole();
    if (!actor.canManage(organizationId)) {
      throw actor.denied(
          "Only members of organization " + organizationId + " can publish its opportunities");
    }
    check(request);
    UUID id = ids.next();
    return organizations
        .find(organizationId)
        .flatMap(
            organization ->
                organization.status().equals("active")
                    ? opportunities.insert(Ownership.of(actor), id, organizationId, request)
                    : Mono.error(
                        Problems.invalidState(
                            "organization " + organizationId,
                            organization.status(),
                            "add opportunities to")))
        .then(Mono.defer(() -> opportunities.replaceSkills(id, request.requiredSkills())))
        .then(Mono.defer(() -> outbox.announce(AggregateType.OPPORTUNITY, id, 1)))
        .then(Mono.defer(() -> opportunities.find(Ownership.of(actor), id)))
        .as(transaction::transactional);
  }

  /** Anyone sees published and closed opportunities; drafts only their organization and admins. */
  public Mono<OpportunityView> visible(Actor actor, UUID id) {
    return opportunities
        .find(Ownership.of(actor), id)
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Opportunity", id)));
  }

  /**
   * The opportunity, if the actor may manage it: 404 when they cannot even see it, 403 when they
   * only can see it.
   */
  public Mono<OpportunityView> manageable(Actor actor, UUID id) {
    return visible(actor, id)
        .flatMap(
            view ->
                actor.canManage(view.organizationId())
                    ? Mono.just(view)
                    : Mono.error(
                        actor.denied(
                            "Only members of the organization that owns opportunity "
                                + id
                                + " can do this")));
  }

  Mono<Page<OpportunityView>> listByOrganization(
      Actor actor, UUID organizationId, PageRequest page) {
    List<String> statuses = actor.canManage(organizationId) ? ALL : PUBLIC;
    return organizations
        .find(organizationId)
        .then(
            Page.of(
                opportunities.listByOrganization(organizationId, statuses, page),
                opportunities.countByOrganization(organizationId, statuses),
                page));
  }

  Mono<OpportunityView> update(Actor actor, UUID id, OpportunityRequest request) {
    check(request);
    if (request.version() == null) {
      throw Problems.invalidField(
          "version", "NotNull", "an update must carry the version it was read at");
    }
    long version = request.version();
    return manageable(actor, id)
        .flatMap(
            current ->
                opportunities
                    .update(Ownership.of(actor), id, version, request)
                    .switchIfEmpty(Mono.error(() -> whyNotUpdated(current, version, request))))
        .flatMap(
            newVersion ->
                opportunities
                    .replaceSkills(id, request.requiredSkills())
                    .then(outbox.announce(AggregateType.OPPORTUNITY, id, newVersion)))
        .then(Mono.defer(() -> opportunities.find(Ownership.of(actor), id)))
        .as(transaction::transactional);
  }

  Mono<OpportunityView> publish(Actor actor, UUID id) {
    return transition(actor, id, "publish", opportunities.publish(Ownership.of(actor), id));
  }

  Mono<OpportunityView> close(Actor actor, UUID id) {
    return transition(actor, id, "close", opportunities.close(Ownership.of(actor), id));
  }

  Mono<Void> delete(Actor actor, UUID id) {
    return manageable(actor, id)
        .flatMap(
            current ->
                opportunities
                    .deleteDraft(Ownership.of(actor), id)
                    .switchIfEmpty(
                        Mono.error(
                            () ->
                                Problems.invalidState(
                                    "opportunity " + id,
                                    current.status(),
                                    "delete (only drafts can be deleted)"))))
        .flatMap(version -> outbox.announce(AggregateType.OPPORTUNITY, id, version + 1))
        .as(transaction::transactional);
  }

  /** Takes one seat; call inside the accepting transaction. Fails with 409 when none is left. */
  public Mono<Void> takeSeat(UUID id) {
    return opportunities
        .takeSeat(id)
        .switchIfEmpty(
            Mono.error(
                () ->
                    Problems.conflict(
                        "no-seats-left",
                        "No seats left",
                        "Opportunity " + id + " has no seat left, or is no longer published")))
        .flatMap(version -> outbox.announce(AggregateType.OPPORTUNITY, id, version));
  }

  /** Gives a seat back; call inside the withdrawing transaction. */
  public Mono<Void> releaseSeat(UUID id) {
    return opportunities
        .releaseSeat(id)
        .flatMap(version -> outbox.announce(AggregateType.OPPORTUNITY, id, version));
  }

  /**
   * Closes every published opportunity that has ended, announcing each, in batches of its own
   * transaction.
   */
  public Mono<Long> expireEnded() {
    int batch = 500;
    Mono<Long> one =
        Mono.defer(() -> opportunities.expireBatch(batch).as(transaction::transactional));
    return one.expand(closed -> closed == batch ? one : Mono.empty()).reduce(0L, Long::sum);
  }

  private Mono<OpportunityView> transition(Actor actor, UUID id, String action, Mono<Long> change) {
    return manageable(actor, id)
        .flatMap(
            current ->
                change.switchIfEmpty(
                    Mono.error(
                        () ->
                            current.status().equals("draft") && action.equals("publish")
                                ? Problems.conflict(
                                    "already-ended",
                                    "Already ended",
                                    "Opportunity "
                                        + id
                                        + " ended at "
                                        + current.endsAt()
                                        + "; change its dates first")
                                : Problems.invalidState(
                                    "opportunity " + id, current.status(), action))))
        .flatMap(version -> outbox.announce(AggregateType.OPPORTUNITY, id, version))
        .then(Mono.defer(() -> opportunities.find(Ownership.of(actor), id)))
        .as(transaction::transactional);
  }

  private static RuntimeException whyNotUpdated(
      OpportunityView current, long version, OpportunityRequest request) {
    if (current.status().equals("closed")) {
      return Problems.invalidState("opportunity " + current.id(), "closed", "update");
    }
    if (current.version() != version) {
      return Problems.staleVersion("Opportunity " + current.id(), version, current.version());
    }
    int taken = current.seats() - current.seatsLeft();
    return Problems.conflict(
        "seats-below-taken",
        "Fewer seats than taken",
        "seats cannot go below the "
            + taken
            + " already taken (asked for "
            + request.seats()
            + ")");
  }

  private void check(OpportunityRequest request) {
    Taxonomy.requireKnown(taxonomy.fields(), "fieldCode", request.fieldCode());
    Taxonomy.requireKnown(taxonomy.cities(), "cityCode", request.cityCode());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < request.requiredSkills().size(); i++) {
      String code = request.requiredSkills().get(i).code();
      Taxonomy.requireKnown(taxonomy.skills(), "requiredSkills[" + i + "].code", code);
      if (!seen.add(code)) {
        throw Problems.invalidField(
            "requiredSkills[" + i + "].code", "Unique", "skill " + code + " is listed twice");
      }
    }
    if (!request.endsAt().isAfter(request.startsAt())) {
      throw Problems.invalidField("endsAt", "After", "must be after startsAt");
    }
    if (request.minAge() != null
        && request.maxAge() != null
        && request.minAge() > request.maxAge()) {
      throw Problems.invalidField("maxAge", "NotBelowMinAge", "must not be below minAge");
    }
    if ((request.lat() == null) != (request.lon() == null)) {
      throw Problems.invalidField(
          "lon", "Together", "lat and lon go together: give both or neither");
    }
  }
}
