package sa.volunteering.matching.application;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.security.Ownership;
import sa.volunteering.matching.system.IdGenerator;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.system.web.Page;
import sa.volunteering.matching.system.web.PageRequest;
import sa.volunteering.matching.volunteer.VolunteerService;

/**
 * Volunteer hours: the organization logs them for an accepted (or completed) application; the
 * volunteer verifies or disputes them. Only verified hours count (docs/decisions/0006).
 */
@Service
class HoursService {

  private final HoursRepository hours;
  private final ApplicationService applications;
  private final VolunteerService volunteers;
  private final TransactionalOperator transaction;
  private final IdGenerator ids;

  HoursService(
      HoursRepository hours,
      ApplicationService applications,
      VolunteerService volunteers,
      TransactionalOperator transaction,
      IdGenerator ids) {
    this.hours = hours;
    this.applications = applications;
    this.volunteers = volunteers;
    this.transaction = transaction;
    this.ids = ids;
  }

  Mono<HoursView> log(Actor actor, UUID applicationId, HoursRequest request) {
    String refusal = WorkedDays.refusal(request.workedOn());
    if (refusal != null) {
      throw Problems.invalidField("workedOn", "Range", "workedOn: " + refusal);
    }
    return applications
        .managed(actor, applicationId)
        .flatMap(
            record ->
                List.of("accepted", "completed").contains(record.status())
                    ? hours
                        .insert(Ownership.of(actor), ids.next(), applicationId, request)
                        .switchIfEmpty(
                            Mono.error(() -> Problems.notFound("Application", applicationId)))
                    : Mono.error(
                        Problems.invalidState(
                            "application " + applicationId, record.status(), "log hours for")));
  }

  Mono<HoursView> verify(Actor actor, UUID id) {
    return settle(actor, id, "verified", null, true);
  }

  Mono<HoursView> dispute(Actor actor, UUID id, DisputeRequest request) {
    return settle(actor, id, "disputed", request.reason(), false);
  }

  Mono<List<HoursView>> ofApplication(Actor actor, UUID applicationId) {
    return applications
        .visible(actor, applicationId)
        .then(hours.ofApplication(Ownership.of(actor), applicationId).collectList());
  }

  Mono<Page<HoursView>> mine(Actor actor, PageRequest page) {
    UUID volunteerId = actor.requireVolunteer();
    return Page.of(hours.ofVolunteer(volunteerId, page), hours.countOfVolunteer(volunteerId), page);
  }

  private Mono<HoursView> settle(
      Actor actor, UUID id, String status, @Nullable String reason, boolean verifying) {
    return hours
        .applicationOf(id)
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Hours", id)))
        .flatMap(applicationId -> applications.visible(actor, applicationId))
        .onErrorMap(
            error ->
                error instanceof ErrorResponseException response
                    && response.getStatusCode().value() == 404,
            error -> Problems.notFound("Hours", id))
        .flatMap(
            record ->
                actor.isVolunteer(record.volunteerId())
                    ? Mono.just(record)
                    : Mono.error(
                        actor.denied(
                            "Only the volunteer who gave the hours can "
                                + (verifying ? "verify" : "dispute")
                                + " them")))
        .flatMap(
            record ->
                hours
                    .settle(Ownership.of(actor), id, status, reason)
                    .switchIfEmpty(
                        Mono.defer(
                            () ->
                                hours
                                    .find(id)
                                    .flatMap(
                                        current ->
                                            Mono.error(
                                                Problems.invalidState(
                                                    "hours " + id, current.status(), "settle")))))
                    .flatMap(
                        settled ->
                            volunteers.announceActivity(record.volunteerId()).thenReturn(settled)))
        .as(transaction::transactional);
  }
}
