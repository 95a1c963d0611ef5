package sa.volunteering.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sa.volunteering.matching.indexing.OutboxIndexer;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.TestStack;

/**
 * The benchmark suite at smoke scale, so that the harness cannot rot: every measurement runs, the
 * report and its charts are written.
 */
@IntegrationTest
class BenchmarkSuiteIT {

  @LocalServerPort int port;

  @Autowired BenchmarkSuite suite;

  @Autowired OutboxIndexer indexer;

  @Autowired BackgroundWork background;

  @Autowired SearchIndexProperties indexes;

  @Test
  void everyMeasurementRunsAndTheReportHasItsFiguresAndCharts() throws Exception {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    var organization = fixtures.organization();
    for (int i = 0; i < 60; i++) {
      fixtures.published(organization, 5);
    }
    fixtures.volunteer();
    fixtures.volunteer();
    indexer.drain().block(Duration.ofSeconds(60));
    String aliasBefore = aliased();
    Path report = Path.of("target", "bench-smoke", "benchmarks.md");
    Files.deleteIfExists(report);
    Files.createDirectories(report.getParent());
    Files.writeString(
        report, "# Benchmarks\n\nIntro.\n\n## Earlier, by hand\n\nkept\n", StandardCharsets.UTF_8);

    BenchmarkSuite.Outcome outcome = suite.run(Scale.of("smoke"), report, null, "BenchmarkSuiteIT");

    assertThat(outcome.failures()).isEmpty();
    assertThat(outcome.warmedUp())
        .as("every measured path sent before the first section")
        .containsOnlyKeys("SearchLoadMeasurement", "MatchBenchmark", "StreamMeasurement")
        .allSatisfy((name, sent) -> assertThat(sent).isPositive());
    String text = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("# Benchmarks\n\nIntro.\n\n" + BenchmarkSuite.BEGIN)
        .endsWith("## Earlier, by hand\n\nkept\n");
    assertThat(text)
        .contains(
            "Search at constant rates",
            "service / direct p50",
            "Streaming",
            "Matches and candidates",
            "ranking took p50 / p99 (ms)",
            "Candidates: the highest rate with p99 within 100 ms",
            "A long stream of candidates",
            "Exposure: who is shown among opportunities' candidates",
            "share of the most shown 1 %",
            "Scaling",
            "service / Elasticsearch CPU",
            "Import: the indexing path vs raw _bulk",
            "Indicators: the questions dashboards ask",
            "Indicators: what a write pays to keep them current",
            "with the indicator trigger",
            "processors |");
    assertThat(text).doesNotContain("Failed in this run").doesNotContain("NaN");
    assertThat(text.split("Machine: load average", -1))
        .as("the machine's load beside every section")
        .hasSize(1 + 10);
    assertThat(text).contains("Invalid in this run: ");
    assertThat(outcome.charts()).hasSize(2);
    for (Path chart : outcome.charts()) {
      BufferedImage image = ImageIO.read(chart.toFile());
      assertThat(image).as(chart.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(760);
      assertThat(text).contains("(benchmarks/" + chart.getFileName() + ")");
    }

    // a second run replaces the suite's part of the report (one measurement is enough to show it)
    BenchmarkSuite.Outcome again =
        suite.run(Scale.of("smoke"), report, null, "BenchmarkSuiteIT", Set.of("ImportMeasurement"));
    assertThat(again.failures()).isEmpty();
    String second = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(second)
        .startsWith("# Benchmarks\n\nIntro.\n\n" + BenchmarkSuite.BEGIN)
        .endsWith("## Earlier, by hand\n\nkept\n")
        .contains("Import: the indexing path vs raw _bulk")
        .doesNotContain("Search at constant rates");
    assertThat(second.split(java.util.regex.Pattern.quote(BenchmarkSuite.BEGIN), -1))
        .as("replaced, not added twice")
        .hasSize(2);
    assertThat(aliased()).as("the scaling runs put the alias back").isEqualTo(aliasBefore);
  }

  @Test
  void oneBuildSideBySideWithItselfRunsOnlyWhenNamed() throws Exception {
    Api api = new Api(port);
    Fixtures fixtures = new Fixtures(api);
    var organization = fixtures.organization();
    for (int i = 0; i < 10; i++) {
      fixtures.published(organization, 5);
    }
    fixtures.volunteer();
    indexer.drain().block(Duration.ofSeconds(60));
    Path report = Path.of("target", "bench-smoke", "side-by-side.md");
    Files.deleteIfExists(report);
    Files.createDirectories(report.getParent());

    BenchmarkSuite.Outcome outcome =
        suite.run(Scale.of("smoke"), report, null, "BenchmarkSuiteIT", Set.of("SideBySide"));

    assertThat(outcome.failures()).isEmpty();
    assertThat(outcome.warmedUp()).containsOnlyKeys("SideBySide");
    String text = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(text)
        .contains(
            "Side by side: this build (before) and this build (after)",
            "| search mix | 2.5 |",
            "| search mix | 5.0 |",
            "| a volunteer's matches | 2.5 |",
            "| an opportunity's candidates | 2.5 |",
            "one process served both sides here")
        .doesNotContain("NaN")
        .doesNotContain("Failed in this run");
  }

  @Test
  void writesDuringAMeasurementAreBackgroundWork() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String elasticsearch = TestStack.elasticsearch().toString();
    indexer.drain().block(Duration.ofSeconds(60));
    BackgroundWork.Snapshot before = background.snapshot(http, elasticsearch);

    new Fixtures(new Api(port)).organization();

    List<String> ran = background.snapshot(http, elasticsearch).ranSince(before);
    assertThat(ran)
        .anySatisfy(work -> assertThat(work).matches("outbox: [1-9][0-9]* changes written.*"));
    assertThat(ran)
        .anySatisfy(work -> assertThat(work).matches("indicators: [1-9][0-9]* changes appended.*"));
  }

  /** The index the opportunities alias points at, as Elasticsearch says. */
  private String aliased() throws Exception {
    String elasticsearch = TestStack.elasticsearch().toString();
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        elasticsearch + "/_alias/" + indexes.alias("opportunities")))
                .GET()
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
