package sa.volunteering.matching.organization;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.system.web.PageRequest;

@Repository
class OrganizationRepository {

  private static final String COLUMNS =
      "id, name_ar, name_en, city_code, kind, verified, status, version, created_at, updated_at";

  private final DatabaseClient database;

  OrganizationRepository(DatabaseClient database) {
    this.database = database;
  }

  Mono<OrganizationView> insert(UUID id, OrganizationRequest request) {
    return bindRequest(
            database.sql(
                "insert into organizations (id, name_ar, name_en, city_code, kind, verified)"
                    + " values (:id, :nameAr, :nameEn, :city, :kind, :verified) returning "
                    + COLUMNS),
            request)
        .bind("id", id)
        .map(OrganizationRepository::view)
        .one();
  }

  /** Empty when the version did not match (or the row is gone). */
  Mono<OrganizationView> update(UUID id, long version, OrganizationRequest request) {
    return bindRequest(
            database.sql(
                "update organizations set name_ar = :nameAr, name_en = :nameEn, city_code = :city, kind = :kind,"
                    + " verified = :verified, version = version + 1, updated_at = now()"
                    + " where id = :id and version = :version returning "
                    + COLUMNS),
            request)
        .bind("id", id)
        .bind("version", version)
        .map(OrganizationRepository::view)
        .one();
  }

  private static DatabaseClient.GenericExecuteSpec bindRequest(
      DatabaseClient.GenericExecuteSpec spec, OrganizationRequest request) {
    return spec.bind("nameAr", request.nameAr())
        .bind("nameEn", request.nameEn())
        .bind("city", request.cityCode())
        .bind("kind", request.kind())
        .bind("verified", request.isVerified());
  }

  Mono<OrganizationView> close(UUID id) {
    return database
        .sql(
            "update organizations set status = 'closed', version = version + 1, updated_at = now()"
                + " where id = :id and status = 'active' returning "
                + COLUMNS)
        .bind("id", id)
        .map(OrganizationRepository::view)
        .one();
  }

  Mono<OrganizationView> find(UUID id) {
    return database
        .sql("select " + COLUMNS + " from organizations where id = :id")
        .bind("id", id)
        .map(OrganizationRepository::view)
        .one();
  }

  Flux<OrganizationView> list(PageRequest page) {
    return database
        .sql(
            "select "
                + COLUMNS
                + " from organizations order by created_at desc, id limit :limit offset :offset")
        .bind("limit", page.size())
        .bind("offset", page.offset())
        .map(OrganizationRepository::view)
        .all();
  }

  Mono<Long> count() {
    return database
        .sql("select count(*) as total from organizations")
        .map(row -> Columns.required(row, "total", Long.class))
        .one();
  }

  private static OrganizationView view(Readable row) {
    return new OrganizationView(
        Columns.required(row, "id", UUID.class),
        Columns.required(row, "name_ar", String.class),
        Columns.required(row, "name_en", String.class),
        Columns.required(row, "city_code", String.class),
        Columns.required(row, "kind", String.class),
        Boolean.TRUE.equals(row.get("verified", Boolean.class)),
        Columns.required(row, "status", String.class),
        Columns.required(row, "version", Long.class),
        Columns.required(row, "created_at", Instant.class),
        Columns.required(row, "updated_at", Instant.class));
  }
}
