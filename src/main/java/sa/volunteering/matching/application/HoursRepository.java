package sa.volunteering.matching.application;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.Ownership;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.system.web.PageRequest;

@Repository
class HoursRepository {

  private static final String COLUMNS =
      "h.id, h.application_id, h.worked_on, h.hours, h.note, h.status, h.dispute_reason,"
          + " h.version, h.created_at, h.updated_at";

  private final DatabaseClient database;

  HoursRepository(DatabaseClient database) {
    this.database = database;
  }

  /** Logs hours for the application, if the caller manages its organization; empty otherwise. */
  Mono<HoursView> insert(Ownership owner, UUID id, UUID applicationId, HoursRequest request) {
    return owner
        .statement(
            database,
            "insert into volunteer_hours as h (id, application_id, worked_on, hours, note)"
                + " select :id, :application, :workedOn, :hours, :note from applications a join opportunities o on o.id = a.opportunity_id"
                + " where a.id = :application and "
                + Ownership.managedBy("o.organization_id")
                + " returning "
                + COLUMNS)
        .bind("id", id)
        .bind("application", applicationId)
        .bind("workedOn", request.workedOn())
        .bind("hours", request.hours())
        .bind("note", Parameter.fromOrEmpty(request.note(), String.class))
        .map(HoursRepository::view)
        .one();
  }

  /** The application the hours belong to. */
  Mono<UUID> applicationOf(UUID hoursId) {
    return database
        .sql("select application_id from volunteer_hours where id = :id")
        .bind("id", hoursId)
        .map(row -> Columns.required(row, "application_id", UUID.class))
        .one();
  }

  /**
   * From logged to verified or disputed, by the volunteer who gave them; empty when they were not
   * logged or not the caller's.
   */
  Mono<HoursView> settle(Ownership owner, UUID id, String status, @Nullable String reason) {
    return owner
        .statement(
            database,
            "update volunteer_hours as h set status = :status, dispute_reason = :reason, version = h.version + 1,"
                + " updated_at = now() from applications a where h.id = :id and h.status = 'logged' and a.id = h.application_id and "
                + Ownership.volunteerIs("a.volunteer_id")
                + " returning "
                + COLUMNS)
        .bind("id", id)
        .bind("status", status)
        .bind("reason", Parameter.fromOrEmpty(reason, String.class))
        .map(HoursRepository::view)
        .one();
  }

  Mono<HoursView> find(UUID id) {
    return database
        .sql("select " + COLUMNS + " from volunteer_hours h where h.id = :id")
        .bind("id", id)
        .map(HoursRepository::view)
        .one();
  }

  /**
   * The hours of an application its volunteer, its organization or an administrator looks at; none
   * for anyone else.
   */
  Flux<HoursView> ofApplication(Ownership owner, UUID applicationId) {
    return owner
        .statement(
            database,
            "select "
                + COLUMNS
                + " from volunteer_hours h join applications a on a.id = h.application_id"
                + " join opportunities o on o.id = a.opportunity_id where h.application_id = :application and "
                + Ownership.involves("a.volunteer_id", "o.organization_id")
                + " order by h.worked_on, h.id")
        .bind("application", applicationId)
        .map(HoursRepository::view)
        .all();
  }

  Flux<HoursView> ofVolunteer(UUID volunteerId, PageRequest page) {
    return database
        .sql(
            "select "
                + COLUMNS
                + " from volunteer_hours h join applications a on a.id = h.application_id"
                + " where a.volunteer_id = :volunteer order by h.worked_on desc, h.id limit :limit offset :offset")
        .bind("volunteer", volunteerId)
        .bind("limit", page.size())
        .bind("offset", page.offset())
        .map(HoursRepository::view)
        .all();
  }

  Mono<Long> countOfVolunteer(UUID volunteerId) {
    return database
        .sql(
            "select count(*) as total from volunteer_hours h join applications a on a.id = h.application_id where a.volunteer_id = :volunteer")
        .bind("volunteer", volunteerId)
        .map(row -> Columns.required(row, "total", Long.class))
        .one();
  }

  private static HoursView view(Readable row) {
    return new HoursView(
        Columns.required(row, "id", UUID.class),
        Columns.required(row, "application_id", UUID.class),
        Columns.required(row, "worked_on", LocalDate.class),
        Columns.required(row, "hours", BigDecimal.class),
        row.get("note", String.class),
        Columns.required(row, "status", String.class),
        row.get("dispute_reason", String.class),
        Columns.required(row, "version", Long.class),
        Columns.required(row, "created_at", Instant.class),
        Columns.required(row, "updated_at", Instant.class));
  }
}
