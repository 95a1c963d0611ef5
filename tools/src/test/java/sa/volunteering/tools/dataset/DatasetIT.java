package sa.volunteering.tools.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.indexing.Reindexer;
import sa.volunteering.matching.support.TestEnvironment;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.tools.ToolsIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated files imported into PostgreSQL, indexed, counted; bad lines reported, a rejected file
 * leaves nothing.
 */
@ToolsIntegrationTest
class DatasetIT {

  @Autowired DatasetImporter importer;

  @Autowired Reindexer reindexer;

  @Autowired Taxonomy taxonomy;

  @Autowired JsonMapper json;

  @Autowired DatabaseClient database;

  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void theSameSeedGivesTheSameFiles(@TempDir Path one, @TempDir Path two) throws IOException {
    DatasetFiles.write(new DatasetGenerator(taxonomy), one, 99, 5, 50, 50, json);
    DatasetFiles.write(new DatasetGenerator(taxonomy), two, 99, 5, 50, 50, json);
    for (String file :
        List.of("organizations.ndjson", "opportunities.ndjson", "volunteers.ndjson")) {
      assertThat(Files.readString(one.resolve(file)))
          .isEqualTo(Files.readString(two.resolve(file)));
    }
  }

  @Test
  void aGeneratedDataSetIsLoadedAndIndexedAndTheCountsAgree(@TempDir Path directory)
      throws IOException {
    long seed = System.nanoTime();
    DatasetFiles.write(new DatasetGenerator(taxonomy), directory, seed, 10, 300, 400, json);

    ImportReport report = importer.load(directory, true).block(Duration.ofMinutes(5));
    assertThat(report.organizations()).isEqualTo(10);
    assertThat(report.opportunities()).isEqualTo(300);
    assertThat(report.volunteers()).isEqualTo(400);
    assertThat(report.applications()).isPositive();
    assertThat(report.hourEntries()).isPositive();
    assertThat(report.problemCount()).isZero();
    List<UUID> people =
        ids(directory.resolve("volunteers.ndjson")).stream().map(UUID::fromString).toList();
    long active =
        database
            .sql(
                "select count(distinct a.volunteer_id) as n from volunteer_hours h join applications a on a.id = h.application_id"
                    + " where h.status = 'verified' and a.volunteer_id = any(:ids)")
            .bind("ids", people.toArray(UUID[]::new))
            .map(row -> row.get("n", Long.class))
            .one()
            .block(Duration.ofSeconds(10));
    assertThat(active)
        .as("volunteers with verified hours, about 44%% of 400")
        .isBetween(130L, 220L);
    reindexer.runToEnd("opportunities", 500, Duration.ZERO, false).block(Duration.ofMinutes(5));
    reindexer.runToEnd("volunteers", 500, Duration.ZERO, false).block(Duration.ofMinutes(5));

    List<String> opportunityIds = ids(directory.resolve("opportunities.ndjson"));
    long publicInDatabase =
        database
            .sql(
                "select count(*) as n from opportunities where id = any(:ids) and status <> 'draft'")
            .bind("ids", opportunityIds.stream().map(UUID::fromString).toArray(UUID[]::new))
            .map(row -> row.get("n", Long.class))
            .one()
            .block(Duration.ofSeconds(10));
    long inIndex =
        elasticsearch
            .count(
                c ->
                    c.index(TestEnvironment.PREFIX + "opportunities")
                        .query(q -> q.ids(i -> i.values(opportunityIds))))
            .count();
    assertThat(inIndex).isEqualTo(publicInDatabase).isPositive();
    UUID[] loaded = opportunityIds.stream().map(UUID::fromString).toArray(UUID[]::new);
    assertThat(
            count(
                "select count(*) from opportunities where id = any(:ids) and status = 'published' and ends_at <= now()",
                loaded))
        .as("published and over: closed on load, as the expiry would, with nothing left for it")
        .isZero();
    assertThat(
            count(
                "select count(*) from opportunities where id = any(:ids) and status = 'closed' and closed_at = ends_at",
                loaded))
        .as("the generator writes published opportunities that have ended")
        .isPositive();
    List<String> volunteerIds = ids(directory.resolve("volunteers.ndjson"));
    long volunteersInIndex =
        elasticsearch
            .count(
                c ->
                    c.index(TestEnvironment.PREFIX + "volunteers")
                        .query(q -> q.ids(i -> i.values(volunteerIds))))
            .count();
    assertThat(volunteersInIndex).isEqualTo(400);
  }

  private long count(String sql, UUID[] ids) {
    return database
        .sql(sql)
        .bind("ids", ids)
        .map(row -> row.get(0, Long.class))
        .one()
        .block(Duration.ofSeconds(10));
  }

  @Test
  void hoursBefore2000AreRefusedWithTheirLine(@TempDir Path directory) throws IOException {
    DatasetFiles.write(
        new DatasetGenerator(taxonomy), directory, System.nanoTime(), 3, 30, 60, json);
    Path applications = directory.resolve("applications.ndjson");
    List<String> lines = Files.readAllLines(applications);
    int withHours =
        java.util.stream.IntStream.range(0, lines.size())
            .filter(i -> lines.get(i).contains("\"workedOn\":\""))
            .findFirst()
            .orElseThrow();
    lines.set(
        withHours,
        lines
            .get(withHours)
            .replaceFirst("\"workedOn\":\"[0-9-]+\"", "\"workedOn\":\"1969-12-31\""));
    Files.write(applications, lines, StandardCharsets.UTF_8);

    ImportReport report = importer.load(directory, false).block(Duration.ofMinutes(5));

    assertThat(report.problems())
        .extracting(ImportReport.Problem::line)
        .containsExactly(withHours + 1L);
    assertThat(report.problems().get(0).reason())
        .contains("workedOn must not be before 2000-01-01");
  }

  @Test
  void badLinesAreReportedWithNumberAndReasonAndSkipped(@TempDir Path directory)
      throws IOException {
    DatasetFiles.write(
        new DatasetGenerator(taxonomy), directory, System.nanoTime(), 3, 20, 0, json);
    Path opportunities = directory.resolve("opportunities.ndjson");
    List<String> lines = Files.readAllLines(opportunities);
    lines.set(
        4,
        lines
            .get(4)
            .replace("\"seats\":", "\"seats\":-")
            .replace("\"seatsTaken\":", "\"seatsTaken\":0,\"x\":"));
    lines.set(9, "{not json");
    Files.write(opportunities, lines, StandardCharsets.UTF_8);

    ImportReport report = importer.load(directory, false).block(Duration.ofMinutes(5));

    assertThat(report.opportunities()).isEqualTo(18);
    assertThat(report.problems()).extracting(ImportReport.Problem::line).containsExactly(5L, 10L);
    assertThat(report.problems().get(0).reason()).contains("seats");
  }

  @Test
  void aPersonAlreadyRegisteredIsRefusedByLine(@TempDir Path first, @TempDir Path second)
      throws IOException {
    DatasetFiles.write(new DatasetGenerator(taxonomy), first, System.nanoTime(), 2, 0, 5, json);
    assertThat(importer.load(first, false).block(Duration.ofMinutes(5)).volunteers()).isEqualTo(5);
    List<String> samePeopleNewIds =
        Files.readAllLines(first.resolve("volunteers.ndjson")).stream()
            .map(
                line ->
                    line.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + UUID.randomUUID() + "\""))
            .toList();
    Files.write(second.resolve("volunteers.ndjson"), samePeopleNewIds, StandardCharsets.UTF_8);
    ImportReport again = importer.load(second, false).block(Duration.ofMinutes(5));
    assertThat(again.volunteers()).isZero();
    assertThat(again.problems())
        .extracting(ImportReport.Problem::line)
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(again.problems().get(0).reason()).contains("already registered");
  }

  /**
   * What only the database can tell (ids and pairs across the file and the tables) is refused by
   * line too.
   */
  @Test
  void referencesAndRepetitionsAreRefusedByLine(@TempDir Path directory) throws IOException {
    DatasetFiles.write(
        new DatasetGenerator(taxonomy), directory, System.nanoTime(), 3, 30, 40, json);
    Path opportunities = directory.resolve("opportunities.ndjson");
    List<String> offered = new java.util.ArrayList<>(Files.readAllLines(opportunities));
    offered.add(offered.get(0));
    offered.set(
        1,
        offered
            .get(1)
            .replaceFirst(
                "\"organizationId\":\"[^\"]+\"",
                "\"organizationId\":\"" + UUID.randomUUID() + "\""));
    Files.write(opportunities, offered, StandardCharsets.UTF_8);
    Path volunteers = directory.resolve("volunteers.ndjson");
    List<String> people = new java.util.ArrayList<>(Files.readAllLines(volunteers));
    people.add(
        people.get(0).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + UUID.randomUUID() + "\""));
    Files.write(volunteers, people, StandardCharsets.UTF_8);
    Path applications = directory.resolve("applications.ndjson");
    List<String> applied = new java.util.ArrayList<>(Files.readAllLines(applications));
    String withoutOrganization = json.readTree(offered.get(1)).path("id").asString();
    List<Integer> elsewhere =
        java.util.stream.IntStream.range(0, applied.size())
            .filter(i -> !applied.get(i).contains(withoutOrganization))
            .boxed()
            .toList();
    int unknownVolunteerLine = elsewhere.get(0);
    String unknownVolunteer =
        applied
            .get(unknownVolunteerLine)
            .replaceFirst(
                "\"volunteerId\":\"[^\"]+\"", "\"volunteerId\":\"" + UUID.randomUUID() + "\"");
    applied.set(unknownVolunteerLine, unknownVolunteer);
    applied.add(
        applied
            .get(elsewhere.get(1))
            .replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + UUID.randomUUID() + "\""));
    Files.write(applications, applied, StandardCharsets.UTF_8);

    ImportReport report = importer.load(directory, false).block(Duration.ofMinutes(5));

    assertThat(report.problems())
        .contains(
            new ImportReport.Problem(
                "opportunities.ndjson", 31, "this opportunity (id) exists already"),
            new ImportReport.Problem(
                "opportunities.ndjson", 2, "organizationId is not a known organization"),
            new ImportReport.Problem(
                "volunteers.ndjson",
                41,
                "nationalId appears twice in the file; a person registers once"),
            new ImportReport.Problem(
                "applications.ndjson",
                unknownVolunteerLine + 1,
                "volunteerId is not a known volunteer"),
            new ImportReport.Problem(
                "applications.ndjson",
                applied.size(),
                "this volunteer already applied to this opportunity in the file"));
    assertThat(report.opportunities()).isEqualTo(29);
    assertThat(report.volunteers()).isEqualTo(40);
    long refusedApplications =
        report.problems().stream()
            .filter(problem -> problem.file().equals("applications.ndjson"))
            .count();
    assertThat(report.applications()).isEqualTo(applied.size() - refusedApplications);
    UUID[] refusedOpportunity = {UUID.fromString(withoutOrganization)};
    assertThat(count("select count(*) from opportunities where id = any(:ids)", refusedOpportunity))
        .isZero();
    assertThat(
            count(
                "select count(*) from applications where opportunity_id = any(:ids)",
                refusedOpportunity))
        .isZero();
    UUID[] refusedApplication = {
      UUID.fromString(json.readTree(unknownVolunteer).path("id").asString())
    };
    assertThat(
            count(
                "select count(*) from volunteer_hours where application_id = any(:ids)",
                refusedApplication))
        .as("the hours of a refused application are not loaded")
        .isZero();
    UUID[] everyApplication =
        applied.stream()
            .map(line -> UUID.fromString(json.readTree(line).path("id").asString()))
            .toArray(UUID[]::new);
    assertThat(
            count(
                "select count(*) from volunteer_hours where application_id = any(:ids)",
                everyApplication))
        .isEqualTo(report.hourEntries());
  }

  @Test
  void aRejectedFileLeavesNothingBehind(@TempDir Path directory) throws IOException {
    long seed = System.nanoTime();
    DatasetFiles.write(new DatasetGenerator(taxonomy), directory, seed, 3, 20, 0, json);
    Path opportunities = directory.resolve("opportunities.ndjson");
    List<String> lines = Files.readAllLines(opportunities);
    lines.set(15, lines.get(15).replace("\"fieldCode\":\"", "\"fieldCode\":\"unknown_"));
    Files.write(opportunities, lines, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> importer.load(directory, true).block(Duration.ofMinutes(5)))
        .isInstanceOf(DatasetImporter.ImportRefusedException.class)
        .hasMessageContaining("opportunities.ndjson line 16");
    List<UUID> organizations =
        ids(directory.resolve("organizations.ndjson")).stream().map(UUID::fromString).toList();
    long loaded =
        database
            .sql("select count(*) as n from organizations where id = any(:ids)")
            .bind("ids", organizations.toArray(UUID[]::new))
            .map(row -> row.get("n", Long.class))
            .one()
            .block(Duration.ofSeconds(10));
    assertThat(loaded).as("organizations of the refused import").isZero();
  }

  private List<String> ids(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.map(line -> json.readTree(line).path("id").asString()).toList();
    }
  }
}
