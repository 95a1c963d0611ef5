package sa.volunteering.matching.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.opportunity.OpportunityService;
import sa.volunteering.matching.opportunity.OpportunityView;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.security.Ownership;
import sa.volunteering.matching.system.IdGenerator;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.system.web.Page;
import sa.volunteering.matching.system.web.PageRequest;
import sa.volunteering.matching.volunteer.VolunteerService;
import sa.volunteering.matching.volunteer.VolunteerView;

/**
 * The application lifecycle: pending → accepted / rejected / withdrawn, accepted → completed or
 * withdrawn. Accepting takes a seat in the same transaction; the opportunity row's lock makes two
 * accepts for the last seat end with exactly one winner.
 */
@Service
class ApplicationService {

  private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

  private final ApplicationRepository applications;
  private final OpportunityService opportunities;
  private final VolunteerService volunteers;
  private final TransactionalOperator transaction;
  private final IdGenerator ids;

  ApplicationService(
      ApplicationRepository applications,
      OpportunityService opportunities,
      VolunteerService volunteers,
      TransactionalOperator transaction,
      IdGenerator ids) {
    this.applications = applications;
    this.opportunities = opportunities;
    this.volunteers = volunteers;
    this.transaction = transaction;
    this.ids = ids;
  }

  Mono<ApplicationView> apply(Actor actor, UUID opportunityId, ApplyRequest request) {
    UUID volunteerId = actor.requireVolunteer();
    UUID id = ids.next();
    return volunteers
        .find(volunteerId)
        .onErrorMap(
            error ->
                error instanceof ErrorResponseException response
                    && response.getStatusCode().value() == 404,
            error ->
                Problems.conflict(
                    "not-registered",
                    "Not registered",
                    "Register your volunteer profile before applying"))
        .flatMap(
            volunteer ->
                opportunities
                    .visible(actor, opportunityId)
                    .flatMap(opportunity -> eligibility(volunteer, opportunity)))
        .then(Mono.defer(() -> applications.insert(id, opportunityId, volunteerId, request)))
        // their document lists what they applied to, which their matches leave out
        .then(Mono.defer(() -> volunteers.announceActivity(volunteerId)))
        .then(Mono.defer(() -> applications.view(id)))
        .as(transaction::transactional)
        .onErrorMap(
            DataIntegrityViolationException.class,
            error ->
                Problems.conflict(
                    "already-applied",
                    "Already applied",
                    "You have already applied to opportunity " + opportunityId));
  }

  Mono<ApplicationView> withdraw(Actor actor, UUID id) {
    return own(actor, id)
        .flatMap(
            record ->
                applications
                    .withdraw(Ownership.of(actor), id, List.of("pending", "accepted"))
                    .switchIfEmpty(
                        Mono.error(
                            () ->
                                Problems.invalidState(
                                    "application " + id, record.status(), "withdraw")))
                    .then(
                        record.status().equals("accepted")
                            ? opportunities.releaseSeat(record.opportunityId())
                            : Mono.empty())
                    .then(volunteers.announceActivity(record.volunteerId())))
        .then(Mono.defer(() -> applications.view(id)))
        .as(transaction::transactional);
  }

  Mono<ApplicationView> accept(Actor actor, UUID id) {
    return managed(actor, id)
        .flatMap(
            record ->
                applications
                    .decide(Ownership.of(actor), id, List.of("pending"), "accepted")
                    .switchIfEmpty(
                        Mono.error(
                            () ->
                                Problems.invalidState(
                                    "application " + id, record.status(), "accept")))
                    .then(opportunities.takeSeat(record.opportunityId())))
        .then(Mono.defer(() -> applications.view(id)))
        .as(transaction::transactional);
  }

  Mono<ApplicationView> reject(Actor actor, UUID id) {
    return decide(actor, id, List.of("pending"), "rejected", "reject");
  }

  Mono<ApplicationView> complete(Actor actor, UUID id) {
    return decide(actor, id, List.of("accepted"), "completed", "complete");
  }

  Mono<Page<ApplicationView>> mine(Actor actor, PageRequest page) {
    UUID volunteerId = actor.requireVolunteer();
    return Page.of(
        applications.ofVolunteer(volunteerId, page),
        applications.countOfVolunteer(volunteerId),
        page);
  }

  Mono<Page<ApplicantView>> applicants(Actor actor, UUID opportunityId, PageRequest page) {
    return opportunities
        .manageable(actor, opportunityId)
        .then(
            Page.of(
                applications.applicants(Ownership.of(actor), opportunityId, page),
                applications.countApplicants(opportunityId),
                page));
  }

  /**
   * The application if the actor may see it: its volunteer, its organization, an admin. Others get
   * 404.
   */
  Mono<ApplicationRecord> visible(Actor actor, UUID id) {
    return applications
        .record(Ownership.of(actor), id)
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Application", id)));
  }

  /**
   * The application if the actor manages its organization: 403 for its volunteer, 404 for others.
   */
  Mono<ApplicationRecord> managed(Actor actor, UUID id) {
    return visible(actor, id)
        .flatMap(
            record ->
                actor.canManage(record.organizationId())
                    ? Mono.just(record)
                    : Mono.error(
                        actor.denied(
                            "Only the organization that owns the opportunity can do this")));
  }

  private Mono<ApplicationRecord> own(Actor actor, UUID id) {
    return visible(actor, id)
        .flatMap(
            record ->
                actor.isVolunteer(record.volunteerId())
                    ? Mono.just(record)
                    : Mono.error(actor.denied("Only the volunteer who applied can do this")));
  }

  private Mono<ApplicationView> decide(
      Actor actor, UUID id, List<String> from, String to, String action) {
    return managed(actor, id)
        .flatMap(
            record ->
                applications
                    .decide(Ownership.of(actor), id, from, to)
                    .switchIfEmpty(
                        Mono.error(
                            () ->
                                Problems.invalidState(
                                    "application " + id, record.status(), action)))
                    // a completion counts in the volunteer's track record
                    .then(
                        to.equals("completed")
                            ? volunteers.announceChange(record.volunteerId())
                            : Mono.empty()))
        .then(Mono.defer(() -> applications.view(id)))
        .as(transaction::transactional);
  }

  private static Mono<Void> eligibility(VolunteerView volunteer, OpportunityView opportunity) {
    if (!opportunity.status().equals("published") || !opportunity.endsAt().isAfter(Instant.now())) {
      return Mono.error(
          Problems.invalidState(
              "opportunity " + opportunity.id(), opportunity.status(), "apply to"));
    }
    if (!volunteer.status().equals("active")) {
      return Mono.error(Problems.invalidState("your profile", volunteer.status(), "apply with"));
    }
    if (!opportunity.gender().equals("any") && !opportunity.gender().equals(volunteer.gender())) {
      return Mono.error(
          Problems.conflict(
              "not-eligible",
              "Not eligible",
              "This opportunity is for " + opportunity.gender() + " volunteers"));
    }
    int age =
        Period.between(volunteer.birthDate(), LocalDate.ofInstant(opportunity.startsAt(), RIYADH))
            .getYears();
    if ((opportunity.minAge() != null && age < opportunity.minAge())
        || (opportunity.maxAge() != null && age > opportunity.maxAge())) {
      return Mono.error(
          Problems.conflict(
              "not-eligible",
              "Not eligible",
              "This opportunity is for ages "
                  + (opportunity.minAge() == null ? "any" : opportunity.minAge())
                  + " to "
                  + (opportunity.maxAge() == null ? "any" : opportunity.maxAge())));
    }
    return Mono.empty();
  }
}
