package sa.volunteering.matching.organization;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.outbox.AggregateType;
import sa.volunteering.matching.outbox.Outbox;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.system.IdGenerator;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.system.web.Page;
import sa.volunteering.matching.system.web.PageRequest;
import sa.volunteering.matching.taxonomy.Taxonomy;

@Service
public class OrganizationService {

  private final OrganizationRepository organizations;
  private final Outbox outbox;
  private final Taxonomy taxonomy;
  private final TransactionalOperator transaction;
  private final IdGenerator ids;

  OrganizationService(
      OrganizationRepository organizations,
      Outbox outbox,
      Taxonomy taxonomy,
      TransactionalOperator transaction,
      IdGenerator ids) {
    this.organizations = organizations;
    this.outbox = outbox;
    this.taxonomy = taxonomy;
    this.transaction = transaction;
    this.ids = ids;
  }

  Mono<OrganizationView> create(Actor actor, OrganizationRequest request) {
    actor.requireAdmin();
    Taxonomy.requireKnown(taxonomy.cities(), "cityCode", request.cityCode());
    return organizations
        .insert(ids.next(), request)
        .flatMap(
            created ->
                outbox
                    .announce(AggregateType.ORGANIZATION, created.id(), created.version())
                    .thenReturn(created))
        .as(transaction::transactional);
  }

  Mono<OrganizationView> update(Actor actor, UUID id, OrganizationRequest request) {
    actor.requireAdmin();
    Taxonomy.requireKnown(taxonomy.cities(), "cityCode", request.cityCode());
    if (request.version() == null) {
      throw Problems.invalidField(
          "version", "NotNull", "an update must carry the version it was read at");
    }
    long version = request.version();
    return organizations
        .update(id, version, request)
        .switchIfEmpty(
            Mono.defer(
                () ->
                    find(id)
                        .flatMap(
                            current ->
                                Mono.error(
                                    Problems.staleVersion(
                                        "Organization " + id, version, current.version())))))
        .flatMap(
            updated ->
                outbox
                    .announce(AggregateType.ORGANIZATION, id, updated.version())
                    .thenReturn(updated))
        .as(transaction::transactional);
  }

  Mono<OrganizationView> close(Actor actor, UUID id) {
    actor.requireAdmin();
    return organizations
        .close(id)
        .switchIfEmpty(
            Mono.defer(
                () ->
                    find(id)
                        .flatMap(
                            current ->
                                Mono.error(
                                    Problems.invalidState(
                                        "organization " + id, current.status(), "close")))))
        .flatMap(
            closed ->
                outbox
                    .announce(AggregateType.ORGANIZATION, id, closed.version())
                    .thenReturn(closed))
        .as(transaction::transactional);
  }

  public Mono<OrganizationView> find(UUID id) {
    return organizations
        .find(id)
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Organization", id)));
  }

  Mono<Page<OrganizationView>> list(PageRequest page) {
    return Page.of(organizations.list(page), organizations.count(), page);
  }
}
