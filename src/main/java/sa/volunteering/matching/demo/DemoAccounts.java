package sa.volunteering.matching.demo;

import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.Columns;

/**
 * Whom the demo page offers to sign in as: the newest active volunteers, and organizations with
 * published opportunities.
 */
@Repository
class DemoAccounts {

  /** No name, phone or e-mail: the list is public on a demo deployment. */
  record DemoVolunteer(UUID id, String cityCode, List<String> skillCodes) {}

  record DemoOrganization(UUID id, String nameAr, String nameEn) {}

  private final DatabaseClient database;

  DemoAccounts(DatabaseClient database) {
    this.database = database;
  }

  Flux<DemoVolunteer> volunteers(int count) {
    return database
        .sql(
            "select id, city_code, skill_codes from volunteers where status = 'active' order by id desc limit :count")
        .bind("count", count)
        .map(
            row ->
                new DemoVolunteer(
                    Columns.required(row, "id", UUID.class),
                    Columns.required(row, "city_code", String.class),
                    List.of(row.get("skill_codes", String[].class))))
        .all();
  }

  Flux<DemoOrganization> organizations(int count) {
    return database
        .sql(
            "select o.id, o.name_ar, o.name_en from organizations o where o.status = 'active' and exists"
                + " (select 1 from opportunities p where p.organization_id = o.id and p.status = 'published') order by o.id desc limit :count")
        .bind("count", count)
        .map(
            row ->
                new DemoOrganization(
                    Columns.required(row, "id", UUID.class),
                    Columns.required(row, "name_ar", String.class),
                    Columns.required(row, "name_en", String.class)))
        .all();
  }

  Mono<Boolean> activeVolunteer(UUID id) {
    return database
        .sql("select 1 from volunteers where id = :id and status = 'active'")
        .bind("id", id)
        .map(row -> true)
        .one()
        .defaultIfEmpty(false);
  }

  Mono<Boolean> activeOrganization(UUID id) {
    return database
        .sql("select 1 from organizations where id = :id and status = 'active'")
        .bind("id", id)
        .map(row -> true)
        .one()
        .defaultIfEmpty(false);
  }
}
