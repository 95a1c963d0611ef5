package sa.volunteering.tools;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.support.TestDatabase;
import sa.volunteering.matching.support.TestEnvironment;
import sa.volunteering.matching.support.TestStack;
import sa.volunteering.matching.support.Tokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools as {@code bin/dataset} and {@code bin/reindex} run them: {@link ToolsApplication#run}
 * with command-line arguments, on the run's own database and indexes; the service's context beside
 * it only to look at the result.
 */
@ToolsIntegrationTest
class ToolsApplicationIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired DatabaseClient database;

  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void generateWritesTheFilesWithoutADatabase(@TempDir Path directory) throws IOException {
    int code =
        ToolsApplication.run(
            "generate",
            directory.toString(),
            "--organizations=2",
            "--opportunities=12",
            "--volunteers=15",
            "--seed=5",
            "--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:1/nothing-listens-here");

    assertThat(code).isZero();
    assertThat(lines(directory.resolve("organizations.ndjson"))).hasSize(2);
    assertThat(lines(directory.resolve("opportunities.ndjson"))).hasSize(12);
    assertThat(lines(directory.resolve("volunteers.ndjson"))).hasSize(15);
  }

  @Test
  void importLoadsAndIndexesAndReindexRebuilds(@TempDir Path directory) throws IOException {
    assertThat(
            ToolsApplication.run(
                "generate",
                directory.toString(),
                "--organizations=3",
                "--opportunities=40",
                "--volunteers=30",
                "--seed=" + System.nanoTime()))
        .isZero();
    List<UUID> ids =
        lines(directory.resolve("opportunities.ndjson")).stream()
            .map(line -> UUID.fromString(JSON.readTree(line).path("id").asString()))
            .toList();

    assertThat(ToolsApplication.run(withTheRunsStack("import", directory.toString()))).isZero();

    long stored =
        database
            .sql("select count(*) as n from opportunities where id = any(:ids)")
            .bind("ids", ids.toArray(UUID[]::new))
            .map(row -> row.get("n", Long.class))
            .one()
            .block(Duration.ofSeconds(10));
    assertThat(stored).isEqualTo(40);
    assertThat(indexed(ids))
        .as("the import reindexed: its public opportunities are searchable")
        .isPositive();

    assertThat(ToolsApplication.run(withTheRunsStack("reindex", "opportunities,volunteers")))
        .isZero();
    assertThat(indexed(ids)).isPositive();
    assertThat(ToolsApplication.run(withTheRunsStack("reindex", "no-such-index"))).isOne();
  }

  @Test
  void theToolsServeNothingAndRunNothingInTheBackground() {
    try (ConfigurableApplicationContext tools = ToolsApplication.start(withTheRunsStack())) {
      assertThat(tools).isNotInstanceOf(WebServerApplicationContext.class);
      List<String> background =
          tools.getBeansOfType(SmartLifecycle.class).values().stream()
              .map(bean -> bean.getClass().getName())
              .filter(name -> name.startsWith("sa.volunteering"))
              .toList();
      assertThat(background)
          .as("no outbox indexer, folder, expiry, live matches, open streams")
          .isEmpty();
      assertThat(
              tools.getBeanNamesForAnnotation(
                  org.springframework.web.bind.annotation.RestController.class))
          .isEmpty();
    }
  }

  @Test
  void whatItDoesNotUnderstandIsRefusedWithTwo() {
    assertThat(ToolsApplication.run()).isEqualTo(2);
    assertThat(ToolsApplication.run("import")).isEqualTo(2);
    assertThat(ToolsApplication.run("demo", "extra")).isEqualTo(2);
    assertThat(ToolsApplication.run("frobnicate", "x")).isEqualTo(2);
  }

  /**
   * The command's arguments, then where the run's database and indexes are and its keys, as bin/
   * would pass them.
   */
  private static String[] withTheRunsStack(String... command) {
    TestDatabase database = TestDatabase.get();
    List<String> arguments = new ArrayList<>(Arrays.asList(command));
    arguments.addAll(
        List.of(
            "--spring.r2dbc.url=" + database.r2dbcUrl(),
            "--spring.r2dbc.username=" + database.user(),
            "--spring.r2dbc.password=" + database.password(),
            "--spring.flyway.url=" + database.jdbcUrl(),
            "--spring.flyway.user=" + database.user(),
            "--spring.flyway.password=" + database.password(),
            "--spring.elasticsearch.uris=" + TestStack.elasticsearch(),
            "--app.search.index.prefix=" + TestEnvironment.PREFIX,
            "--app.security.jwt-secret=" + Tokens.SECRET,
            "--app.security.national-id-key=" + Tokens.NATIONAL_ID_KEY,
            "--spring.r2dbc.properties.statementTimeout=PT0S"));
    return arguments.toArray(String[]::new);
  }

  private long indexed(List<UUID> ids) throws IOException {
    elasticsearch.indices().refresh(r -> r.index(TestEnvironment.PREFIX + "opportunities"));
    return elasticsearch
        .count(
            c ->
                c.index(TestEnvironment.PREFIX + "opportunities")
                    .query(q -> q.ids(i -> i.values(ids.stream().map(UUID::toString).toList()))))
        .count();
  }

  private static List<String> lines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.toList();
    }
  }
}
