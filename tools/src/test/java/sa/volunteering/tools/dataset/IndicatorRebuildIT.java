package sa.volunteering.tools.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.stats.IndicatorFolder;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.tools.ToolsIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two ways to the indicator summaries give the same numbers: rebuilt in bulk from the tables
 * (what an import does) and folded change by change (what every write does), indicator by
 * indicator, group by group, month by month. The service's own folder is stopped meanwhile, so that
 * the changes are folded here, a few at a time.
 */
@ToolsIntegrationTest
class IndicatorRebuildIT {

  /**
   * Each indicator as "group|month = value", without zeros (a fold leaves a zero where a rebuild
   * writes no row).
   */
  private static final Map<String, String> INDICATORS = indicators();

  @Autowired DatasetImporter importer;

  @Autowired IndicatorFolder folder;

  @Autowired Taxonomy taxonomy;

  @Autowired JsonMapper json;

  @Autowired DatabaseClient database;

  @BeforeEach
  void stopTheServicesFolder() {
    folder.stop();
  }

  @AfterEach
  void startTheServicesFolder() {
    folder.start();
  }

  @Test
  void summariesRebuiltInBulkEqualSummariesFoldedChangeByChange(@TempDir Path directory)
      throws IOException {
    DatasetFiles.write(
        new DatasetGenerator(taxonomy), directory, System.nanoTime(), 6, 150, 400, json);
    importer.load(directory, true, IndicatorUpdate.FOLD).block(Duration.ofMinutes(5));
    // later writes, some of which take back what was counted
    execute(
        "update applications set status = 'withdrawn' where id in (select id from applications where status = 'accepted' limit 25)");
    execute(
        "update volunteers set status = 'closed' where id in (select id from volunteers where status = 'active' limit 15)");
    execute(
        "update opportunities set seats_taken = seats_taken + 1 where id in"
            + " (select id from opportunities where status = 'published' and seats_taken < seats limit 30)");
    execute(
        "update volunteer_hours set status = 'verified' where id in (select id from volunteer_hours where status = 'logged' limit 40)");
    assertThat(count("select count(*) from indicator_changes"))
        .as("changes waiting to be folded")
        .isPositive();

    long folds = 0;
    while (foldSome(7) > 0) {
      folds++;
    }
    assertThat(folds).as("folds of 7 changes or fewer").isGreaterThan(10);
    Map<String, List<String>> folded = snapshot();

    database.sql("select rebuild_indicators()").then().block(Duration.ofMinutes(2));
    Map<String, List<String>> rebuilt = snapshot();

    assertThat(folded.values()).allSatisfy(values -> assertThat(values).isNotEmpty());
    for (String indicator : INDICATORS.keySet()) {
      assertThat(rebuilt.get(indicator))
          .as(indicator)
          .containsExactlyElementsOf(folded.get(indicator));
    }
  }

  @Test
  void aBulkImportLeavesNothingToFold(@TempDir Path directory) throws IOException {
    DatasetFiles.write(
        new DatasetGenerator(taxonomy), directory, System.nanoTime(), 4, 60, 120, json);
    long before = count("select count(*) from indicator_months where dimension = 'platform'");
    long outcomes = count("select count(*) from outcomes");
    importer.load(directory, true, IndicatorUpdate.REBUILD).block(Duration.ofMinutes(5));
    assertThat(count("select count(*) from indicator_changes")).isZero();
    assertThat(count("select count(*) from outcomes"))
        .as("history loaded at once is not events seen happening (decision 0031)")
        .isEqualTo(outcomes);
    assertThat(count("select count(*) from indicator_months where dimension = 'platform'"))
        .isGreaterThanOrEqualTo(before)
        .isPositive();
  }

  /**
   * Folds up to {@code batch} changes; waits out a fold of the service's that was under way when
   * its folder stopped.
   */
  private int foldSome(int batch) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                database
                    .sql("select fold_indicator_changes(:batch) as folded")
                    .bind("batch", batch)
                    .map(row -> row.get("folded", Integer.class))
                    .one()
                    .block(Duration.ofSeconds(30)),
            folded -> folded >= 0);
  }

  private Map<String, List<String>> snapshot() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    INDICATORS.forEach(
        (name, sql) ->
            values.put(
                name,
                database
                    .sql(sql)
                    .map(row -> row.get(0, String.class))
                    .all()
                    .collectList()
                    .block(Duration.ofMinutes(1))));
    return values;
  }

  private static Map<String, String> indicators() {
    Map<String, String> sql = new LinkedHashMap<>();
    for (String column :
        List.of(
            "registered_volunteers",
            "organizations",
            "opportunities_offered",
            "seats_offered",
            "seats_taken",
            "applications",
            "accepted_applications",
            "verified_hours",
            "active_volunteers")) {
      sql.put(
          column,
          "select dimension || '|' || key || '|' || month || ' = ' || "
              + column
              + " from indicator_months where "
              + column
              + " <> 0 order by 1");
    }
    sql.put(
        "active volunteers, any period",
        "select dimension || '|' || key || ' = ' || active_volunteers from indicator_totals"
            + " where active_volunteers <> 0 order by 1");
    sql.put(
        "months of activity",
        "select dimension || '|' || key || '|' || volunteer_id || ' = ' || months::text from volunteer_activity"
            + " where cardinality(months) > 0 order by 1");
    sql.put(
        "fields offered",
        "select dimension || '|' || key || '|' || field_code || '|' || month || ' = ' || opportunities"
            + " from offered_fields where opportunities <> 0 order by 1");
    return sql;
  }

  private void execute(String sql) {
    database.sql(sql).then().block(Duration.ofSeconds(30));
  }

  private long count(String sql) {
    return database.sql(sql).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(30));
  }
}
