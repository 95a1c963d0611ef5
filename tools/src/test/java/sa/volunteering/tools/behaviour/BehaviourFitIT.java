package sa.volunteering.tools.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.indexing.Reindexer;
import sa.volunteering.matching.match.MatchingProperties;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Tokens;
import sa.volunteering.matching.taxonomy.Taxonomy;
import sa.volunteering.tools.ToolsIntegrationTest;
import sa.volunteering.tools.behaviour.LabelledImpressions.Labelled;
import sa.volunteering.tools.dataset.DatasetFiles;
import sa.volunteering.tools.dataset.DatasetGenerator;
import sa.volunteering.tools.dataset.DatasetImporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole loop on a generated data set: the service serves matches and candidates, logs what it
 * showed; the simulator acts on those lists through the application lifecycle; the fit learns
 * weights from the impressions and outcomes that beat the served ones on the lists it held out, and
 * writes them as a file the service's configuration binds.
 */
@ToolsIntegrationTest
class BehaviourFitIT {

  private static final int VOLUNTEERS_ASKING = 500;
  private static final int OPPORTUNITIES_ASKING = 700;
  private static final double HOLDOUT = 0.4;
  private static final long SEED = 7;

  @LocalServerPort int port;

  @Autowired DatasetImporter importer;

  @Autowired Reindexer reindexer;

  @Autowired Taxonomy taxonomy;

  @Autowired JsonMapper json;

  @Autowired DatabaseClient database;

  @Autowired BehaviourSimulator simulator;

  @Autowired BehaviourCommands commands;

  @Autowired MatchingProperties matching;

  @Autowired ShownPairs shownPairs;

  @Autowired LabelledImpressions labelled;

  @Test
  void weightsFittedToSimulatedOutcomesRankHeldOutListsBetterThanTheServedOnes(
      @TempDir Path directory) throws IOException {
    DatasetFiles.write(
        new DatasetGenerator(taxonomy), directory, System.nanoTime(), 20, 1_500, 2_000, json);
    importer.load(directory, true).block(Duration.ofMinutes(5));
    reindexer.runToEnd("opportunities", 500, Duration.ZERO, false).block(Duration.ofMinutes(5));
    reindexer.runToEnd("volunteers", 500, Duration.ZERO, false).block(Duration.ofMinutes(5));
    Instant since = Instant.now();

    Api api = new Api(port);
    long lists = 0;
    for (String volunteer : ids(directory, "volunteers", VOLUNTEERS_ASKING, "")) {
      lists += shown(api, "/api/volunteers/" + volunteer + "/matches?size=20");
    }
    for (String opportunity :
        ids(directory, "opportunities", OPPORTUNITIES_ASKING, "\"status\":\"published\"")) {
      lists += shown(api, "/api/opportunities/" + opportunity + "/candidates?size=20");
    }
    long served = lists;
    assertThat(served).isGreaterThan(500);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(distinct list_id) from impressions where shown_at >= :since",
                        since)
                    >= served);

    BehaviourSimulator.Tally tally = simulator.run(since, SEED).block(Duration.ofMinutes(5));
    assertThat(tally.lists()).isEqualTo(served);
    assertThat(tally.applications()).isGreaterThan(200);
    assertThat(tally.invitations()).isPositive();
    assertThat(tally.accepted()).isPositive();
    assertThat(tally.completed()).isPositive();
    assertThat(outcomes("applied", since))
        .as("every application the service took is an outcome")
        .isEqualTo(tally.taken());
    assertThat(outcomes("accepted", since)).isEqualTo(tally.accepted());
    assertThat(outcomes("rejected", since)).isEqualTo(tally.rejected());
    assertThat(outcomes("completed", since)).isEqualTo(tally.completed());

    WeightFit.Result result = commands.fitted(since, HOLDOUT, SEED).block(Duration.ofMinutes(5));
    System.out.println(FittedWeightsFile.summary(result));
    System.out.println(result.matches().weights());
    System.out.println(result.candidates().weights());
    assertThat(result.matches().judgedLists()).isGreaterThan(50);
    assertThat(result.candidates().judgedLists()).isGreaterThan(50);

    // the simulation knows what each reader would have done had they looked: how both sets of
    // weights order the held-out lists by that, rather than by the outcomes one draw gave
    Map<String, PairFacts> facts =
        shownPairs
            .since(since)
            .collectMap(shown -> shown.list() + "/" + shown.rank(), ShownPairs.Shown::pair)
            .block(Duration.ofMinutes(1));
    List<Labelled> results = labelled.since(since).collectList().block(Duration.ofMinutes(1));
    Map<String, Double> configured = WeightNames.of(matching.weights());
    double[] matches =
        expected(
            results,
            facts,
            false,
            WeightFit.ratios(WeightFit.MATCHES, result.matches().weights(), configured));
    double[] candidates =
        expected(
            results,
            facts,
            true,
            WeightFit.ratios(WeightFit.CANDIDATES, result.candidates().weights(), configured));
    System.out.printf(
        "expected DCG@10 of held-out lists: matches served %.4f fitted %.4f; candidates served %.4f fitted %.4f%n",
        matches[0], matches[1], candidates[0], candidates[1]);
    assertThat(matches[1]).as("held-out matches, expected DCG@10").isGreaterThan(matches[0]);
    assertThat(candidates[1])
        .as("held-out candidates, expected DCG@10")
        .isGreaterThan(candidates[0]);

    Path file = directory.resolve("weights.yml");
    Files.writeString(file, FittedWeightsFile.yaml(result, since));
    StandardEnvironment environment = new StandardEnvironment();
    for (PropertySource<?> source :
        new YamlPropertySourceLoader().load("fitted", new FileSystemResource(file))) {
      environment.getPropertySources().addFirst(source);
    }
    MatchingProperties loaded =
        Binder.get(environment).bindOrCreate("app.matching", MatchingProperties.class);
    assertThat(WeightNames.of(loaded.weights())).isEqualTo(result.matches().weights());
    assertThat(loaded.candidateWeights()).isNotNull();
    assertThat(WeightNames.of(loaded.candidateWeights())).isEqualTo(result.candidates().weights());
    assertThat(loaded.weights()).isNotEqualTo(matching.weights());
  }

  private long shown(Api api, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(Tokens.admin());
    Api.Response response = api.getEncoded(path, headers);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode items = response.body().path("items");
    return items.isEmpty() ? 0 : 1;
  }

  /**
   * The mean DCG@10 of the held-out lists of one direction, ordered as served and by the fitted
   * weights (as their ratios to the served ones), each result's gain the chance, under the
   * simulator's preferences, that it leads somewhere once looked at.
   */
  private static double[] expected(
      List<Labelled> results,
      Map<String, PairFacts> facts,
      boolean candidates,
      Map<String, Double> ratios) {
    Map<UUID, List<Labelled>> lists = new LinkedHashMap<>();
    for (Labelled result : results) {
      if (result.candidates() == candidates && WeightFit.heldOut(result.list(), HOLDOUT, SEED)) {
        lists.computeIfAbsent(result.list(), list -> new ArrayList<>()).add(result);
      }
    }
    double[] sums = new double[2];
    for (List<Labelled> list : lists.values()) {
      sums[0] += expectedDcg(WeightFit.ordered(list, Map.of()), facts, candidates);
      sums[1] += expectedDcg(WeightFit.ordered(list, ratios), facts, candidates);
    }
    return new double[] {sums[0] / lists.size(), sums[1] / lists.size()};
  }

  private static double expectedDcg(
      List<Labelled> ordered, Map<String, PairFacts> facts, boolean candidates) {
    double dcg = 0;
    for (int position = 0; position < Math.min(WeightFit.CUTOFF, ordered.size()); position++) {
      Labelled result = ordered.get(position);
      PairFacts pair = facts.get(result.list() + "/" + result.rank());
      double gain =
          candidates
              ? PreferenceModel.probability(PreferenceModel.invitationLogit(pair))
                  * PreferenceModel.probability(PreferenceModel.answerLogit(pair))
              : PreferenceModel.probability(PreferenceModel.volunteerLogit(pair));
      dcg += gain / (Math.log(position + 2) / Math.log(2));
    }
    return dcg;
  }

  private long outcomes(String kind, Instant since) {
    return database
        .sql("select count(*) from outcomes where happened_at >= :since and kind = :kind")
        .bind("since", since)
        .bind("kind", kind)
        .map(row -> row.get(0, Long.class))
        .one()
        .block(Duration.ofSeconds(10));
  }

  private long count(String sql, Instant since) {
    return database
        .sql(sql)
        .bind("since", since)
        .map(row -> row.get(0, Long.class))
        .one()
        .block(Duration.ofSeconds(10));
  }

  private static List<String> ids(Path directory, String kind, int limit, String having)
      throws IOException {
    try (Stream<String> lines = Files.lines(directory.resolve(kind + ".ndjson"))) {
      return lines
          .filter(line -> line.contains(having))
          .limit(limit)
          .map(
              line -> line.substring(line.indexOf("\"id\":\"") + 6, line.indexOf("\"id\":\"") + 42))
          .toList();
    }
  }
}
