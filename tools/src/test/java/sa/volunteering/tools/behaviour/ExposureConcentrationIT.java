package sa.volunteering.tools.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.exposure.ExposureFold;
import sa.volunteering.matching.indexing.Reindexer;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Tokens;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.tools.ToolsIntegrationTest;
import sa.volunteering.tools.dataset.DatasetFiles;
import sa.volunteering.tools.dataset.DatasetGenerator;
import sa.volunteering.tools.dataset.DatasetImporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 24's aim for who gets shown, on a generated data set of 50,000 volunteers and 500
 * opportunities: over the first page (20) of the candidates of every open opportunity, the most
 * shown 1 % of the volunteers shown hold at most 5 % of the appearances; and again after the
 * exposure control has folded those appearances into the volunteers' documents (decision 0033).
 */
@ToolsIntegrationTest
class ExposureConcentrationIT {

  private static final double AIM = 0.05;
  private static final int PAGE = 20;

  @LocalServerPort int port;

  @Autowired DatasetImporter importer;

  @Autowired Reindexer reindexer;

  @Autowired Taxonomy taxonomy;

  @Autowired JsonMapper json;

  @Autowired DatabaseClient database;

  @Autowired ExposureFold fold;

  @Test
  void theMostShownOnePercentHoldAtMostFivePercentOfTheAppearances(@TempDir Path directory)
      throws IOException {
    DatasetFiles.write(
        new DatasetGenerator(taxonomy), directory, System.nanoTime(), 20, 500, 50_000, json);
    importer.load(directory, true).block(Duration.ofMinutes(5));
    reindexer.runToEnd("opportunities", 500, Duration.ZERO, false).block(Duration.ofMinutes(5));
    reindexer.runToEnd("volunteers", 500, Duration.ZERO, false).block(Duration.ofMinutes(5));
    List<String> opportunities = publishedOpportunities(directory);
    Api api = new Api(port);

    Concentration before = shown(api, opportunities);
    fold.fold()
        .expand(folded -> folded.impressions() > 0 ? fold.fold() : Mono.empty())
        .blockLast(Duration.ofMinutes(2));
    await().atMost(Duration.ofMinutes(2)).until(() -> pendingChanges() == 0);
    Concentration after = shown(api, opportunities);

    System.out.printf(
        "exposure over %d opportunities: before the control's fold %s; after %s%n",
        opportunities.size(), before, after);
    assertThat(before.appearances()).isGreaterThan(2_000);
    assertThat(before.topPercentShare()).isLessThanOrEqualTo(AIM);
    assertThat(after.topPercentShare()).isLessThanOrEqualTo(AIM);
    assertThat(after.distinct())
        .as("the control spreads the appearances over more volunteers")
        .isGreaterThan(before.distinct());
  }

  private Concentration shown(Api api, List<String> opportunities) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(Tokens.admin());
    Map<String, Integer> appearances = new HashMap<>();
    for (String opportunity : opportunities) {
      Api.Response response =
          api.getEncoded("/api/opportunities/" + opportunity + "/candidates?size=" + PAGE, headers);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      for (JsonNode item : response.body().path("items")) {
        appearances.merge(item.path("volunteerId").asString(), 1, Integer::sum);
      }
    }
    return Concentration.of(appearances.values());
  }

  private long pendingChanges() {
    return database
        .sql("select count(*) from outbox where processed_at is null and parked_at is null")
        .map(row -> row.get(0, Long.class))
        .one()
        .block(Duration.ofSeconds(10));
  }

  private static List<String> publishedOpportunities(Path directory) throws IOException {
    try (Stream<String> lines = Files.lines(directory.resolve("opportunities.ndjson"))) {
      return lines
          .filter(line -> line.contains("\"status\":\"published\""))
          .map(
              line -> line.substring(line.indexOf("\"id\":\"") + 6, line.indexOf("\"id\":\"") + 42))
          .toList();
    }
  }
}
