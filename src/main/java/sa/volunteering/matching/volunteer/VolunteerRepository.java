package sa.volunteering.matching.volunteer;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.Columns;

@Repository
class VolunteerRepository {

  private static final String COLUMNS =
      "id, full_name, phone, email, city_code, lat, lon, skill_codes, field_codes, languages,"
          + " available_from, available_to, weekdays, travel_km, remote_ok, gender, birth_date, status, version, created_at, updated_at";

  private final DatabaseClient database;

  VolunteerRepository(DatabaseClient database) {
    this.database = database;
  }

  Mono<Boolean> exists(UUID id) {
    return database
        .sql("select 1 from volunteers where id = :id")
        .bind("id", id)
        .map(row -> true)
        .one()
        .defaultIfEmpty(false);
  }

  Mono<VolunteerView> insert(UUID id, byte[] nationalIdHash, VolunteerProfile profile) {
    return bindProfile(
            database.sql(
                "insert into volunteers (id, national_id_hash, full_name, phone, email, city_code, lat, lon,"
                    + " skill_codes, field_codes, languages, available_from, available_to, weekdays, travel_km, remote_ok, gender, birth_date)"
                    + " values (:id, :hash, :fullName, :phone, :email, :city, :lat, :lon, :skills, :fields, :languages, :from, :to,"
                    + " :weekdays, :travelKm, :remoteOk, :gender, :birthDate) returning "
                    + COLUMNS),
            profile)
        .bind("id", id)
        .bind("hash", nationalIdHash)
        .map(VolunteerRepository::view)
        .one();
  }

  Mono<VolunteerView> update(UUID id, long version, VolunteerProfile profile) {
    return bindProfile(
            database.sql(
                "update volunteers set full_name = :fullName, phone = :phone, email = :email, city_code = :city,"
                    + " lat = :lat, lon = :lon, skill_codes = :skills, field_codes = :fields, languages = :languages,"
                    + " available_from = :from, available_to = :to, weekdays = :weekdays, travel_km = :travelKm, remote_ok = :remoteOk,"
                    + " gender = :gender, birth_date = :birthDate, version = version + 1, updated_at = now(),"
                    + " last_active_at = now() where id = :id and version = :version and status = 'active' returning "
                    + COLUMNS),
            profile)
        .bind("id", id)
        .bind("version", version)
        .map(VolunteerRepository::view)
        .one();
  }

  /**
   * Erases personal data and frees the national ID; keeps the row for applications and hours
   * already given.
   */
  Mono<VolunteerView> close(UUID id) {
    return database
        .sql(
            "update volunteers set status = 'closed', full_name = null, phone = null, email = null,"
                + " national_id_hash = sha256(convert_to(id::text, 'UTF8')), version = version + 1, updated_at = now()"
                + " where id = :id and status = 'active' returning "
                + COLUMNS)
        .bind("id", id)
        .map(VolunteerRepository::view)
        .one();
  }

  /**
   * The profile's version, for a change that affects the volunteer's indexed state without touching
   * the row (an application of theirs completed).
   */
  Mono<Long> version(UUID id) {
    return database
        .sql("select version from volunteers where id = :id")
        .bind("id", id)
        .map(row -> Columns.required(row, "version", Long.class))
        .one();
  }

  /**
   * Records that the volunteer did something themselves now, and returns their profile's version,
   * which it keeps.
   */
  Mono<Long> touch(UUID id) {
    return database
        .sql("update volunteers set last_active_at = now() where id = :id returning version")
        .bind("id", id)
        .map(row -> Columns.required(row, "version", Long.class))
        .one();
  }

  Mono<VolunteerView> find(UUID id) {
    return database
        .sql("select " + COLUMNS + " from volunteers where id = :id")
        .bind("id", id)
        .map(VolunteerRepository::view)
        .one();
  }

  private static DatabaseClient.GenericExecuteSpec bindProfile(
      DatabaseClient.GenericExecuteSpec spec, VolunteerProfile profile) {
    return spec.bind("fullName", profile.fullName())
        .bind("phone", profile.phone())
        .bind("email", profile.email())
        .bind("city", profile.cityCode())
        .bind("lat", Parameter.fromOrEmpty(profile.lat(), Double.class))
        .bind("lon", Parameter.fromOrEmpty(profile.lon(), Double.class))
        .bind("skills", profile.skillCodes().toArray(String[]::new))
        .bind("fields", profile.fieldCodes().toArray(String[]::new))
        .bind("languages", profile.languages().toArray(String[]::new))
        .bind("from", Parameter.fromOrEmpty(profile.availableFrom(), LocalDate.class))
        .bind("to", Parameter.fromOrEmpty(profile.availableTo(), LocalDate.class))
        .bind("weekdays", profile.weekdays().toArray(String[]::new))
        .bind("travelKm", profile.travelKm())
        .bind("remoteOk", profile.remoteOk())
        .bind("gender", profile.gender())
        .bind("birthDate", profile.birthDate());
  }

  private static VolunteerView view(Readable row) {
    return new VolunteerView(
        Columns.required(row, "id", UUID.class),
        row.get("full_name", String.class),
        row.get("phone", String.class),
        row.get("email", String.class),
        Columns.required(row, "city_code", String.class),
        row.get("lat", Double.class),
        row.get("lon", Double.class),
        List.of(row.get("skill_codes", String[].class)),
        List.of(row.get("field_codes", String[].class)),
        List.of(row.get("languages", String[].class)),
        row.get("available_from", LocalDate.class),
        row.get("available_to", LocalDate.class),
        List.of(row.get("weekdays", String[].class)),
        Columns.required(row, "travel_km", Integer.class),
        Boolean.TRUE.equals(row.get("remote_ok", Boolean.class)),
        Columns.required(row, "gender", String.class),
        Columns.required(row, "birth_date", LocalDate.class),
        Columns.required(row, "status", String.class),
        Columns.required(row, "version", Long.class),
        Columns.required(row, "created_at", Instant.class),
        Columns.required(row, "updated_at", Instant.class));
  }
}
