package sa.volunteering.matching.stats;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.taxonomy.City;
import sa.volunteering.matching.taxonomy.Taxonomy;

/**
 * Writes which region each city of the shipped taxonomy is in, where changes are folded. Should a
 * city have moved to another region, what was folded under the old one is rebuilt.
 */
@Component
class CityRegions {

  private static final Logger log = LoggerFactory.getLogger(CityRegions.class);

  private final DatabaseClient database;
  private final TransactionalOperator transaction;
  private final Taxonomy taxonomy;

  CityRegions(DatabaseClient database, TransactionalOperator transaction, Taxonomy taxonomy) {
    this.database = database;
    this.transaction = transaction;
    this.taxonomy = taxonomy;
  }

  Mono<Void> write() {
    List<City> cities = taxonomy.cities().all();
    return database
        .sql(
            "insert into city_regions as c (city_code, region_code) select * from unnest(:cities::text[], :regions::text[])"
                + " on conflict (city_code) do update set region_code = excluded.region_code where c.region_code <> excluded.region_code"
                + " returning (xmax <> 0) as moved")
        .bind("cities", cities.stream().map(City::code).toArray(String[]::new))
        .bind("regions", cities.stream().map(City::region).toArray(String[]::new))
        .map(row -> Boolean.TRUE.equals(row.get("moved", Boolean.class)))
        .all()
        .filter(moved -> moved)
        .count()
        .flatMap(
            moved -> {
              if (moved == 0) {
                return Mono.empty();
              }
              log.warn(
                  "{} cities are in another region than before: rebuilding the indicators", moved);
              // at full scale the rebuild reads every counted table (docs/benchmarks.md): beyond
              // the usual statement bound
              return database
                  .sql("set local statement_timeout = '10min'")
                  .then()
                  .then(database.sql("set local lock_timeout = '1min'").then())
                  .then(database.sql("select rebuild_indicators()").then())
                  .as(transaction::transactional);
            });
  }
}
