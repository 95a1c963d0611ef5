package sa.volunteering.matching.opportunity;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.Ownership;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.system.web.PageRequest;

@Repository
class OpportunityRepository {

  private static final String SELECT =
      "select o.id, o.organization_id, org.name_ar as org_name_ar, org.name_en as org_name_en,"
          + " o.title_ar, o.title_en, o.description_ar, o.description_en, o.field_code, o.city_code, o.lat, o.lon, o.mode,"
          + " o.starts_at, o.ends_at, o.hours, o.seats, o.seats_taken, o.gender, o.min_age, o.max_age, o.status,"
          + " o.published_at, o.closed_at, o.version, o.created_at, o.updated_at"
          + " from opportunities o join organizations org on org.id = o.organization_id";

  private final DatabaseClient database;

  OpportunityRepository(DatabaseClient database) {
    this.database = database;
  }

  /** Inserts nothing unless the caller manages the organization. */
  Mono<Void> insert(Ownership owner, UUID id, UUID organizationId, OpportunityRequest request) {
    return bindRequest(
            owner.statement(
                database,
                "insert into opportunities (id, organization_id, title_ar, title_en, description_ar,"
                    + " description_en, field_code, city_code, lat, lon, mode, starts_at, ends_at, hours, seats, gender, min_age, max_age)"
                    + " select :id, :organization, :titleAr, :titleEn, :descriptionAr, :descriptionEn, :field, :city, :lat, :lon, :mode,"
                    + " :startsAt, :endsAt, :hours, :seats, :gender, :minAge, :maxAge where "
                    + Ownership.managedBy(":organization")),
            request)
        .bind("id", id)
        .bind("organization", organizationId)
        .then();
  }

  /**
   * Empty when the version did not match, the opportunity is closed, or fewer seats than taken were
   * asked.
   */
  Mono<Long> update(Ownership owner, UUID id, long version, OpportunityRequest request) {
    return bindRequest(
            owner.statement(
                database,
                "update opportunities set title_ar = :titleAr, title_en = :titleEn,"
                    + " description_ar = :descriptionAr, description_en = :descriptionEn, field_code = :field, city_code = :city,"
                    + " lat = :lat, lon = :lon, mode = :mode, starts_at = :startsAt, ends_at = :endsAt, hours = :hours, seats = :seats,"
                    + " gender = :gender, min_age = :minAge, max_age = :maxAge, version = version + 1, updated_at = now()"
                    + " where id = :id and version = :version and status <> 'closed' and seats_taken <= :seats and "
                    + Ownership.managedBy("organization_id")
                    + " returning version"),
            request)
        .bind("id", id)
        .bind("version", version)
        .map(row -> Columns.required(row, "version", Long.class))
        .one();
  }

  Mono<Void> replaceSkills(UUID id, List<RequiredSkill> skills) {
    Mono<Void> delete =
        database
            .sql("delete from opportunity_skills where opportunity_id = :id")
            .bind("id", id)
            .then();
    return delete
        .thenMany(
            Flux.fromIterable(skills)
                .concatMap(
                    skill ->
                        database
                            .sql(
                                "insert into opportunity_skills (opportunity_id, skill_code, weight) values (:id, :code, :weight)")
                            .bind("id", id)
                            .bind("code", skill.code())
                            .bind("weight", skill.weight())
                            .then()))
        .then();
  }

  /** Draft to published, only while it has not ended. Empty when not allowed. */
  Mono<Long> publish(Ownership owner, UUID id) {
    return owner
        .statement(
            database,
            "update opportunities set status = 'published', published_at = now(), version = version + 1,"
                + " updated_at = now() where id = :id and status = 'draft' and ends_at > now() and "
                + Ownership.managedBy("organization_id")
                + " returning version")
        .bind("id", id)
        .map(row -> Columns.required(row, "version", Long.class))
        .one();
  }

  Mono<Long> close(Ownership owner, UUID id) {
    return owner
        .statement(
            database,
            "update opportunities set status = 'closed', closed_at = now(), version = version + 1, updated_at = now()"
                + " where id = :id and status in ('draft', 'published') and "
                + Ownership.managedBy("organization_id")
                + " returning version")
        .bind("id", id)
        .map(row -> Columns.required(row, "version", Long.class))
        .one();
  }

  /** Deletes a draft; returns the version it had. */
  Mono<Long> deleteDraft(Ownership owner, UUID id) {
    return owner
        .statement(
            database,
            "delete from opportunities where id = :id and status = 'draft' and "
                + Ownership.managedBy("organization_id")
                + " returning version")
        .bind("id", id)
        .map(row -> Columns.required(row, "version", Long.class))
        .one();
  }

  /**
   * Takes a seat of a published opportunity that has one left; the row lock serializes concurrent
   * takers.
   */
  Mono<Long> takeSeat(UUID id) {
    return database
        .sql(
            "update opportunities set seats_taken = seats_taken + 1, version = version + 1, updated_at = now()"
                + " where id = :id and status = 'published' and seats_taken < seats returning version")
        .bind("id", id)
        .map(row -> Columns.required(row, "version", Long.class))
        .one();
  }

  Mono<Long> releaseSeat(UUID id) {
    return database
        .sql(
            "update opportunities set seats_taken = seats_taken - 1, version = version + 1, updated_at = now()"
                + " where id = :id and seats_taken > 0 returning version")
        .bind("id", id)
        .map(row -> Columns.required(row, "version", Long.class))
        .one();
  }

  /**
   * Closes up to {@code limit} ended published opportunities and announces each in the outbox, in
   * one statement; rows another transaction holds are left for the next batch. Returns how many it
   * closed.
   */
  Mono<Long> expireBatch(int limit) {
    return database
        .sql(
            "with expired as (update opportunities set status = 'closed', closed_at = now(), version = version + 1,"
                + " updated_at = now() where id in (select id from opportunities where status = 'published' and ends_at <= now()"
                + " order by ends_at limit :limit for update skip locked) returning id, version)"
                + " insert into outbox (aggregate_type, aggregate_id, aggregate_version) select 'opportunity', id, version from expired")
        .bind("limit", limit)
        .fetch()
        .rowsUpdated();
  }

  /**
   * The opportunity if the caller may see it: published and closed ones anyone, drafts their
   * organization and administrators.
   */
  Mono<OpportunityView> find(Ownership owner, UUID id) {
    return owner
        .statement(
            database,
            SELECT
                + " where o.id = :id and (o.status <> 'draft' or "
                + Ownership.managedBy("o.organization_id")
                + ")")
        .bind("id", id)
        .map(OpportunityRepository::view)
        .one()
        .flatMap(
            view ->
                skills(List.of(id))
                    .map(skills -> view.withSkills(skills.getOrDefault(id, List.of()))));
  }

  Flux<OpportunityView> listByOrganization(
      UUID organizationId, List<String> statuses, PageRequest page) {
    return database
        .sql(
            SELECT
                + " where o.organization_id = :organization and o.status = any(:statuses)"
                + " order by o.created_at desc, o.id limit :limit offset :offset")
        .bind("organization", organizationId)
        .bind("statuses", statuses.toArray(String[]::new))
        .bind("limit", page.size())
        .bind("offset", page.offset())
        .map(OpportunityRepository::view)
        .all()
        .collectList()
        .flatMapMany(
            views ->
                skills(views.stream().map(OpportunityView::id).toList())
                    .flatMapMany(
                        skills ->
                            Flux.fromIterable(views)
                                .map(
                                    view ->
                                        view.withSkills(
                                            skills.getOrDefault(view.id(), List.of())))));
  }

  Mono<Long> countByOrganization(UUID organizationId, List<String> statuses) {
    return database
        .sql(
            "select count(*) as total from opportunities where organization_id = :organization and status = any(:statuses)")
        .bind("organization", organizationId)
        .bind("statuses", statuses.toArray(String[]::new))
        .map(row -> Columns.required(row, "total", Long.class))
        .one();
  }

  private Mono<Map<UUID, List<RequiredSkill>>> skills(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Mono.just(Map.of());
    }
    return database
        .sql(
            "select opportunity_id, skill_code, weight from opportunity_skills where opportunity_id = any(:ids)"
                + " order by weight desc, skill_code")
        .bind("ids", ids.toArray(UUID[]::new))
        .map(
            row ->
                Map.entry(
                    row.get("opportunity_id", UUID.class),
                    new RequiredSkill(
                        Columns.required(row, "skill_code", String.class),
                        Columns.required(row, "weight", BigDecimal.class))))
        .all()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  private static DatabaseClient.GenericExecuteSpec bindRequest(
      DatabaseClient.GenericExecuteSpec spec, OpportunityRequest request) {
    return spec.bind("titleAr", request.titleAr())
        .bind("titleEn", Parameter.fromOrEmpty(request.titleEn(), String.class))
        .bind("descriptionAr", request.descriptionAr())
        .bind("descriptionEn", Parameter.fromOrEmpty(request.descriptionEn(), String.class))
        .bind("field", request.fieldCode())
        .bind("city", request.cityCode())
        .bind("lat", Parameter.fromOrEmpty(request.lat(), Double.class))
        .bind("lon", Parameter.fromOrEmpty(request.lon(), Double.class))
        .bind("mode", request.mode())
        .bind("startsAt", request.startsAt())
        .bind("endsAt", request.endsAt())
        .bind("hours", request.hours())
        .bind("seats", request.seats())
        .bind("gender", request.genderOrAny())
        .bind("minAge", Parameter.fromOrEmpty(request.minAge(), Integer.class))
        .bind("maxAge", Parameter.fromOrEmpty(request.maxAge(), Integer.class));
  }

  private static OpportunityView view(Readable row) {
    int seats = Columns.required(row, "seats", Integer.class);
    return new OpportunityView(
        Columns.required(row, "id", UUID.class),
        Columns.required(row, "organization_id", UUID.class),
        Columns.required(row, "org_name_ar", String.class),
        Columns.required(row, "org_name_en", String.class),
        Columns.required(row, "title_ar", String.class),
        row.get("title_en", String.class),
        Columns.required(row, "description_ar", String.class),
        row.get("description_en", String.class),
        Columns.required(row, "field_code", String.class),
        Columns.required(row, "city_code", String.class),
        row.get("lat", Double.class),
        row.get("lon", Double.class),
        Columns.required(row, "mode", String.class),
        Columns.required(row, "starts_at", Instant.class),
        Columns.required(row, "ends_at", Instant.class),
        Columns.required(row, "hours", BigDecimal.class),
        seats,
        seats - Columns.required(row, "seats_taken", Integer.class),
        Columns.required(row, "gender", String.class),
        row.get("min_age", Integer.class),
        row.get("max_age", Integer.class),
        List.of(),
        Columns.required(row, "status", String.class),
        row.get("published_at", Instant.class),
        row.get("closed_at", Instant.class),
        Columns.required(row, "version", Long.class),
        Columns.required(row, "created_at", Instant.class),
        Columns.required(row, "updated_at", Instant.class));
  }
}
