package sa.volunteering.matching.volunteer;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.outbox.AggregateType;
import sa.volunteering.matching.outbox.Outbox;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.security.NationalIdHasher;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.taxonomy.Taxonomy;

@Service
public class VolunteerService {

  private final VolunteerRepository volunteers;
  private final NationalIdHasher nationalIds;
  private final Outbox outbox;
  private final Taxonomy taxonomy;
  private final TransactionalOperator transaction;

  VolunteerService(
      VolunteerRepository volunteers,
      NationalIdHasher nationalIds,
      Outbox outbox,
      Taxonomy taxonomy,
      TransactionalOperator transaction) {
    this.volunteers = volunteers;
    this.nationalIds = nationalIds;
    this.outbox = outbox;
    this.taxonomy = taxonomy;
    this.transaction = transaction;
  }

  /** The volunteer registers the profile of their own token subject, once per national ID. */
  Mono<VolunteerView> register(Actor actor, VolunteerRegistration registration) {
    UUID id = actor.requireVolunteer();
    String nationalId = NationalIdHasher.canonical(registration.nationalId());
    if (nationalId == null) {
      throw Problems.invalidField(
          "nationalId",
          "NationalId",
          "must be a 10-digit national ID or iqama number starting with 1 or 2");
    }
    check(registration.profile());
    byte[] hash = nationalIds.hash(nationalId);
    return volunteers
        .exists(id)
        .flatMap(
            exists ->
                exists
                    ? Mono.error(
                        Problems.conflict(
                            "already-registered",
                            "Already registered",
                            "Volunteer " + id + " already has a profile"))
                    : volunteers.insert(id, hash, registration.profile()))
        .flatMap(
            created ->
                outbox.announce(AggregateType.VOLUNTEER, id, created.version()).thenReturn(created))
        .as(transaction::transactional)
        .onErrorMap(
            DataIntegrityViolationException.class,
            error ->
                String.valueOf(error.getMessage()).contains("national_id_hash")
                    ? Problems.conflict(
                        "duplicate-national-id",
                        "Already registered",
                        "A volunteer with this national ID is already registered; a person registers once")
                    : error);
  }

  Mono<VolunteerView> update(Actor actor, VolunteerProfile profile) {
    UUID id = actor.requireVolunteer();
    check(profile);
    if (profile.version() == null) {
      throw Problems.invalidField(
          "version", "NotNull", "an update must carry the version it was read at");
    }
    long version = profile.version();
    return volunteers
        .update(id, version, profile)
        .switchIfEmpty(
            Mono.defer(
                () ->
                    own(actor)
                        .flatMap(
                            current ->
                                Mono.error(
                                    current.status().equals("active")
                                        ? Problems.staleVersion(
                                            "Volunteer " + id, version, current.version())
                                        : Problems.invalidState(
                                            "volunteer profile", current.status(), "update")))))
        .flatMap(
            updated ->
                outbox.announce(AggregateType.VOLUNTEER, id, updated.version()).thenReturn(updated))
        .as(transaction::transactional);
  }

  Mono<VolunteerView> close(Actor actor) {
    UUID id = actor.requireVolunteer();
    return volunteers
        .close(id)
        .switchIfEmpty(
            Mono.defer(
                () ->
                    own(actor)
                        .flatMap(
                            current ->
                                Mono.error(
                                    Problems.invalidState(
                                        "volunteer profile", current.status(), "close")))))
        .flatMap(
            closed ->
                outbox.announce(AggregateType.VOLUNTEER, id, closed.version()).thenReturn(closed))
        .as(transaction::transactional);
  }

  Mono<VolunteerView> own(Actor actor) {
    UUID id = actor.requireVolunteer();
    return volunteers
        .find(id)
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Volunteer profile", id)));
  }

  Mono<VolunteerView> byAdmin(Actor actor, UUID id) {
    actor.requireAdmin();
    return find(id);
  }

  public Mono<VolunteerView> find(UUID id) {
    return volunteers.find(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Volunteer", id)));
  }

  /**
   * Announces a change to what the index holds about a volunteer that is neither a change to their
   * profile nor their own act (an application of theirs completed); call it inside the changing
   * transaction. The profile keeps its version, so an edit the volunteer began before it still
   * saves; the indexer writes the current document at that same version, which Elasticsearch
   * accepts ({@code external_gte}).
   */
  public Mono<Void> announceChange(UUID id) {
    return volunteers
        .version(id)
        .flatMap(version -> outbox.announce(AggregateType.VOLUNTEER, id, version));
  }

  /**
   * {@link #announceChange} for what the volunteer did themselves (applied, withdrew, settled their
   * hours): their last activity, which ranking candidates reads, is now.
   */
  public Mono<Void> announceActivity(UUID id) {
    return volunteers
        .touch(id)
        .flatMap(version -> outbox.announce(AggregateType.VOLUNTEER, id, version));
  }

  private void check(VolunteerProfile profile) {
    Taxonomy.requireKnown(taxonomy.cities(), "profile.cityCode", profile.cityCode());
    Taxonomy.requireKnown(taxonomy.skills(), "profile.skillCodes", profile.skillCodes());
    Taxonomy.requireKnown(taxonomy.fields(), "profile.fieldCodes", profile.fieldCodes());
    if (profile.availableFrom() != null
        && profile.availableTo() != null
        && profile.availableTo().isBefore(profile.availableFrom())) {
      throw Problems.invalidField(
          "profile.availableTo", "After", "must not be before availableFrom");
    }
    if ((profile.lat() == null) != (profile.lon() == null)) {
      throw Problems.invalidField(
          "profile.lon", "Together", "lat and lon go together: give both or neither");
    }
    if (profile.birthDate().isAfter(LocalDate.now().minusYears(10))) {
      throw Problems.invalidField(
          "profile.birthDate", "MinimumAge", "volunteers must be at least 10 years old");
    }
  }
}
