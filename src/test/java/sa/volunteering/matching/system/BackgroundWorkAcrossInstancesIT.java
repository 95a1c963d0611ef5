package sa.volunteering.matching.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.exposure.ExposureFold;
import sa.volunteering.matching.impressions.ImpressionLog;
import sa.volunteering.matching.opportunity.OpportunityService;
import sa.volunteering.matching.stats.IndicatorFolder;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.OutboxRows;

/**
 * Issue 25: every periodic job of the service run by three instances at once (three runs at once,
 * each on a connection of its own, as three instances' runs would be), and for the jobs whose work
 * must be done exactly once, that it was: ended opportunities closed and announced once,
 * impressions folded into exposure once, old impressions deleted. docs/operations.md, "Background
 * work".
 */
@IntegrationTest
class BackgroundWorkAcrossInstancesIT {

  private static final int INSTANCES = 3;

  @LocalServerPort int port;

  @Autowired List<PeriodicJob> jobs;

  @Autowired OpportunityService opportunities;

  @Autowired ExposureFold fold;

  @Autowired ImpressionLog impressions;

  @Autowired IndicatorFolder indicators;

  @Autowired DatabaseClient database;

  @Test
  void everyPeriodicJobRunsInThreeInstancesAtOnce() {
    assertThat(jobs).extracting(PeriodicJob::what).hasSizeGreaterThanOrEqualTo(5);
    for (PeriodicJob job : jobs) {
      List<Object> runs = atOnce(job.once().cast(Object.class));
      assertThat(runs).as(job.what()).isNotNull();
    }
  }

  @Test
  void endedOpportunitiesAreClosedAndAnnouncedOnce() {
    Fixtures fixtures = new Fixtures(new Api(port));
    UUID organization = fixtures.organization();
    List<UUID> ended =
        IntStream.range(0, 5).mapToObj(i -> fixtures.published(organization, 3)).toList();
    OutboxRows outbox = new OutboxRows(database);
    ended.forEach(
        id ->
            database
                .sql(
                    "update opportunities set starts_at = now() - interval '3 days', ends_at = now() - interval '1 hour' where id = :id")
                .bind("id", id)
                .then()
                .block(Duration.ofSeconds(10)));
    outbox.newRows(ended.toArray(UUID[]::new));

    atOnce(opportunities.expireEnded());

    List<OutboxRows.Row> announced = outbox.newRows(ended.toArray(UUID[]::new));
    assertThat(announced)
        .as("one announcement of each closing (the service's own run may have been one of them)")
        .containsExactlyInAnyOrderElementsOf(
            ended.stream().map(id -> new OutboxRows.Row("opportunity", id, 3)).toList());
    assertThat(
            database
                .sql("select count(*) from opportunities where id in (:ids) and status = 'closed'")
                .bind("ids", ended)
                .map(row -> row.get(0, Long.class))
                .one()
                .block(Duration.ofSeconds(10)))
        .isEqualTo(ended.size());
  }

  @Test
  void indicatorChangesAreFoldedOnce() {
    Fixtures fixtures = new Fixtures(new Api(port));
    UUID organization = fixtures.organization();
    int published = 4;
    for (int i = 0; i < published; i++) {
      fixtures.published(organization, 3);
    }

    List<Long> folded = atOnce(indicators.drain());

    assertThat(folded).hasSize(INSTANCES);
    assertThat(
            database
                .sql(
                    "select coalesce(sum(opportunities_offered), 0) as offered, coalesce(sum(seats_offered), 0) as seats"
                        + " from indicator_months where dimension = 'organization' and key = :key")
                .bind("key", organization.toString())
                .map(row -> List.of(row.get("offered", Long.class), row.get("seats", Long.class)))
                .one()
                .block(Duration.ofSeconds(10)))
        .as("each opportunity and its seats counted once")
        .containsExactly((long) published, 3L * published);
  }

  @Test
  void impressionsAreFoldedIntoExposureOnce() {
    impressions.flush().block(Duration.ofSeconds(30));
    database
        .sql(
            "update exposure_watermark set last_impression_id = (select coalesce(max(id), 0) from impressions)")
        .then()
        .block(Duration.ofSeconds(10));
    UUID volunteer = UUID.randomUUID();
    int shown = 12;
    for (int i = 0; i < shown; i++) {
      database
          .sql(
              "insert into impressions (shown_at, list_id, direction, volunteer_id, opportunity_id, rank, score, components)"
                  + " values (now(), :list, 'candidates', :volunteer, :opportunity, 1, 1.0, '{}'::jsonb)")
          .bind("list", UUID.randomUUID())
          .bind("volunteer", volunteer)
          .bind("opportunity", UUID.randomUUID())
          .then()
          .block(Duration.ofSeconds(10));
    }

    long before = watermark();

    List<ExposureFold.Folded> folds = atOnce(fold.fold());

    assertThat(folds.stream().mapToLong(ExposureFold.Folded::impressions).sum())
        .as("the instances that did not skip read each impression up to the watermark once")
        .isEqualTo(watermark() - before);
    assertThat(
            database
                .sql("select shown from volunteer_exposure where volunteer_id = :id")
                .bind("id", volunteer)
                .map(row -> row.get(0, Double.class))
                .one()
                .block(Duration.ofSeconds(10)))
        .isEqualTo(shown);
  }

  @Test
  void oldImpressionsAreDeletedOnce() {
    UUID list = UUID.randomUUID();
    int old = 30;
    database
        .sql(
            "insert into impressions (shown_at, list_id, direction, volunteer_id, opportunity_id, rank, score, components)"
                + " select now() - interval '40 days', :list, 'opportunities', gen_random_uuid(), gen_random_uuid(), r, 1.0, '{}'::jsonb"
                + " from generate_series(1, :old) r")
        .bind("list", list)
        .bind("old", old)
        .then()
        .block(Duration.ofSeconds(10));
    PeriodicJob retention =
        jobs.stream()
            .filter(job -> job.what().equals("Deleting old impressions"))
            .findFirst()
            .orElseThrow();

    List<Long> deleted = atOnce(retention.once().cast(Long.class));

    assertThat(deleted.stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(old);
    assertThat(
            database
                .sql("select count(*) from impressions where list_id = :list")
                .bind("list", list)
                .map(row -> row.get(0, Long.class))
                .one()
                .block(Duration.ofSeconds(10)))
        .isZero();
  }

  private long watermark() {
    return database
        .sql("select last_impression_id from exposure_watermark")
        .map(row -> row.get(0, Long.class))
        .one()
        .blockOptional(Duration.ofSeconds(10))
        .orElseThrow();
  }

  /** The same run by three instances at once; what each emitted. */
  private static <T> List<T> atOnce(Mono<T> run) {
    return Flux.merge(IntStream.range(0, INSTANCES).mapToObj(i -> run).toList())
        .collectList()
        .block(Duration.ofSeconds(60));
  }
}
