package sa.volunteering.matching.application;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.Ownership;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.system.web.PageRequest;

@Repository
class ApplicationRepository {

  private static final String VOLUNTEER_VIEW =
      "select a.id, a.opportunity_id, o.title_ar, o.organization_id, a.status, a.motivation,"
          + " a.version, a.created_at, a.updated_at from applications a join opportunities o on o.id = a.opportunity_id";

  private final DatabaseClient database;

  ApplicationRepository(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> insert(UUID id, UUID opportunityId, UUID volunteerId, ApplyRequest request) {
    return database
        .sql(
            "insert into applications (id, opportunity_id, volunteer_id, motivation) values (:id, :opportunity, :volunteer, :motivation)")
        .bind("id", id)
        .bind("opportunity", opportunityId)
        .bind("volunteer", volunteerId)
        .bind("motivation", Parameter.fromOrEmpty(request.motivation(), String.class))
        .then();
  }

  /**
   * The application if the caller is its volunteer, a member of its organization or an
   * administrator.
   */
  Mono<ApplicationRecord> record(Ownership owner, UUID id) {
    return owner
        .statement(
            database,
            "select a.id, a.opportunity_id, o.organization_id, a.volunteer_id, a.status, a.version"
                + " from applications a join opportunities o on o.id = a.opportunity_id where a.id = :id and "
                + Ownership.involves("a.volunteer_id", "o.organization_id"))
        .bind("id", id)
        .map(
            row ->
                new ApplicationRecord(
                    Columns.required(row, "id", UUID.class),
                    Columns.required(row, "opportunity_id", UUID.class),
                    Columns.required(row, "organization_id", UUID.class),
                    Columns.required(row, "volunteer_id", UUID.class),
                    Columns.required(row, "status", String.class),
                    Columns.required(row, "version", Long.class)))
        .one();
  }

  /**
   * Moves the application from one of {@code from} to {@code to}, as its organization decides;
   * empty when it was in another state or the caller does not manage its organization.
   */
  Mono<Long> decide(Ownership owner, UUID id, List<String> from, String to) {
    return transition(
        owner,
        id,
        from,
        to,
        "exists (select 1 from opportunities o where o.id = a.opportunity_id and "
            + Ownership.managedBy("o.organization_id")
            + ")");
  }

  /**
   * Withdraws the application from one of {@code from}; empty when it was in another state or is
   * not the caller's.
   */
  Mono<Long> withdraw(Ownership owner, UUID id, List<String> from) {
    return transition(owner, id, from, "withdrawn", Ownership.volunteerIs("a.volunteer_id"));
  }

  private Mono<Long> transition(
      Ownership owner, UUID id, List<String> from, String to, String allowed) {
    return owner
        .statement(
            database,
            "update applications a set status = :to, version = version + 1, updated_at = now()"
                + " where a.id = :id and a.status = any(:from) and "
                + allowed
                + " returning a.version")
        .bind("id", id)
        .bind("from", from.toArray(String[]::new))
        .bind("to", to)
        .map(row -> Columns.required(row, "version", Long.class))
        .one();
  }

  Mono<ApplicationView> view(UUID id) {
    return database
        .sql(VOLUNTEER_VIEW + " where a.id = :id")
        .bind("id", id)
        .map(ApplicationRepository::volunteerView)
        .one();
  }

  Flux<ApplicationView> ofVolunteer(UUID volunteerId, PageRequest page) {
    return database
        .sql(
            VOLUNTEER_VIEW
                + " where a.volunteer_id = :volunteer order by a.created_at desc, a.id limit :limit offset :offset")
        .bind("volunteer", volunteerId)
        .bind("limit", page.size())
        .bind("offset", page.offset())
        .map(ApplicationRepository::volunteerView)
        .all();
  }

  Mono<Long> countOfVolunteer(UUID volunteerId) {
    return database
        .sql("select count(*) as total from applications where volunteer_id = :volunteer")
        .bind("volunteer", volunteerId)
        .map(row -> Columns.required(row, "total", Long.class))
        .one();
  }

  /**
   * The applicants, with their contact details: only for the opportunity's organization and
   * administrators.
   */
  Flux<ApplicantView> applicants(Ownership owner, UUID opportunityId, PageRequest page) {
    return owner
        .statement(
            database,
            "select a.id, a.opportunity_id, a.volunteer_id, v.full_name, v.phone, v.email, v.city_code,"
                + " v.skill_codes, a.status, a.motivation, a.version, a.created_at, a.updated_at"
                + " from applications a join volunteers v on v.id = a.volunteer_id join opportunities o on o.id = a.opportunity_id"
                + " where a.opportunity_id = :opportunity and "
                + Ownership.managedBy("o.organization_id")
                + " order by a.created_at, a.id limit :limit offset :offset")
        .bind("opportunity", opportunityId)
        .bind("limit", page.size())
        .bind("offset", page.offset())
        .map(
            row ->
                new ApplicantView(
                    Columns.required(row, "id", UUID.class),
                    Columns.required(row, "opportunity_id", UUID.class),
                    Columns.required(row, "volunteer_id", UUID.class),
                    row.get("full_name", String.class),
                    row.get("phone", String.class),
                    row.get("email", String.class),
                    Columns.required(row, "city_code", String.class),
                    List.of(row.get("skill_codes", String[].class)),
                    Columns.required(row, "status", String.class),
                    row.get("motivation", String.class),
                    Columns.required(row, "version", Long.class),
                    Columns.required(row, "created_at", Instant.class),
                    Columns.required(row, "updated_at", Instant.class)))
        .all();
  }

  Mono<Long> countApplicants(UUID opportunityId) {
    return database
        .sql("select count(*) as total from applications where opportunity_id = :opportunity")
        .bind("opportunity", opportunityId)
        .map(row -> Columns.required(row, "total", Long.class))
        .one();
  }

  private static ApplicationView volunteerView(Readable row) {
    return new ApplicationView(
        Columns.required(row, "id", UUID.class),
        Columns.required(row, "opportunity_id", UUID.class),
        Columns.required(row, "title_ar", String.class),
        Columns.required(row, "organization_id", UUID.class),
        Columns.required(row, "status", String.class),
        row.get("motivation", String.class),
        Columns.required(row, "version", Long.class),
        Columns.required(row, "created_at", Instant.class),
        Columns.required(row, "updated_at", Instant.class));
  }
}
