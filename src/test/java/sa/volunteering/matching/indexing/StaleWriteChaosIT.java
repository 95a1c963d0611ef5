package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.Fixtures;
import sa.volunteering.matching.support.IntegrationTest;
import sa.volunteering.matching.support.TestEnvironment;
import sa.volunteering.matching.support.Tokens;

/**
 * A volunteer who closes their profile is never brought back into the index by a late write of
 * their old profile, even after Elasticsearch has forgotten the removal ({@code index.gc_deletes}
 * set to 1 s here): the indexer does not send documents older than {@code max-document-age}. The
 * same late write without that bound does bring the profile back, which shows that the removal
 * really was forgotten. Runs in the failsafe execution "chaos" (no background indexer).
 */
@IntegrationTest
class StaleWriteChaosIT {

  private static final String VOLUNTEERS = TestEnvironment.PREFIX + "volunteers";
  private static final Duration GC_DELETES = Duration.ofSeconds(1);

  @LocalServerPort int port;

  @Autowired ApplicationContext context;

  @Autowired ElasticsearchClient elasticsearch;

  @Autowired DatabaseClient database;

  @Autowired IndexingProperties configured;

  @Test
  void aClosedProfileIsNotBroughtBackByALateWriteOfTheOldOne() throws Exception {
    assumeThat(configured.enabled())
        .as("runs only in the failsafe execution \"chaos\", where the background indexer is off")
        .isFalse();
    Api api = new Api(port);
    OutboxIndexer indexer = OwnIndexers.indexer(context, configured.withIndexing());
    elasticsearch
        .indices()
        .putSettings(
            s ->
                s.index(VOLUNTEERS)
                    .settings(
                        settings -> settings.gcDeletes(t -> t.time(GC_DELETES.toMillis() + "ms"))));
    try {
      UUID volunteer = new Fixtures(api).volunteer();
      indexer.drain().block(Duration.ofSeconds(30));
      assertThat(found(volunteer)).as("the new volunteer is indexed").isTrue();

      // a slow indexer reads the active profile...
      long readAt = System.nanoTime();
      List<IndexAction> late =
          context
              .getBean(DocumentLoader.class)
              .actionsFor(List.of(latestOutboxRow(volunteer)))
              .block(Duration.ofSeconds(10));
      assertThat(late).singleElement().isInstanceOf(IndexAction.Put.class);
      // ...the volunteer closes the profile, and it leaves the index...
      assertThat(api.delete("/api/volunteers/me", Tokens.volunteer(volunteer)).status())
          .isEqualTo(200);
      indexer.drain().block(Duration.ofSeconds(30));
      assertThat(found(volunteer)).as("the closed profile left the index").isFalse();
      // ...and Elasticsearch forgets the removal
      Thread.sleep(GC_DELETES.toMillis() * 3);
      elasticsearch.indices().refresh(r -> r.index(VOLUNTEERS));
      elasticsearch.indices().flush(f -> f.index(VOLUNTEERS));

      BulkOutcome bounded =
          OwnIndexers.bulk(context, withMaxDocumentAge(GC_DELETES.dividedBy(2)))
              .send(late, readAt)
              .block(Duration.ofSeconds(30));
      boolean backWithTheBound = found(volunteer);
      BulkOutcome unbounded =
          OwnIndexers.bulk(context, withMaxDocumentAge(Duration.ofHours(1)))
              .send(late, readAt)
              .block(Duration.ofSeconds(30));
      boolean backWithoutTheBound = found(volunteer);
      elasticsearch.delete(d -> d.index(VOLUNTEERS).id(volunteer.toString()));

      System.out.printf(
          "fault test, late write after a removal (gc_deletes %d ms): with max-document-age %d ms the write was %s and the"
              + " profile %s; without the bound it %s%n",
          GC_DELETES.toMillis(),
          GC_DELETES.dividedBy(2).toMillis(),
          bounded.retry().isEmpty() ? "sent" : "held back",
          backWithTheBound ? "came back" : "stayed out",
          backWithoutTheBound ? "came back (the removal was forgotten)" : "stayed out");
      assertThat(bounded.retry()).as("the late write is held back, to be read again").isNotEmpty();
      assertThat(backWithTheBound).as("the closed profile came back into the index").isFalse();
      assertThat(unbounded.done())
          .as("control: without the bound the late write is taken")
          .isNotEmpty();
      assertThat(backWithoutTheBound)
          .as("control: Elasticsearch had forgotten the removal")
          .isTrue();
    } finally {
      elasticsearch
          .indices()
          .putSettings(
              s ->
                  s.index(VOLUNTEERS).settings(settings -> settings.gcDeletes(t -> t.time("10m"))));
    }
  }

  private IndexingProperties withMaxDocumentAge(Duration age) {
    IndexingProperties c = configured;
    return new IndexingProperties(
        true,
        c.batchSize(),
        c.pollInterval(),
        c.maxAttempts(),
        c.backoff(),
        c.maxBackoff(),
        c.bulkTimeout(),
        c.lagThreshold(),
        c.monitorInterval(),
        age);
  }

  private boolean found(UUID volunteer) throws java.io.IOException {
    return elasticsearch.get(g -> g.index(VOLUNTEERS).id(volunteer.toString()), Map.class).found();
  }

  private OutboxRow latestOutboxRow(UUID aggregate) {
    return database
        .sql(
            "select id, aggregate_type, aggregate_id, aggregate_version from outbox where aggregate_id = :id order by id desc limit 1")
        .bind("id", aggregate)
        .map(
            row ->
                new OutboxRow(
                    row.get("id", Long.class),
                    row.get("aggregate_type", String.class),
                    row.get("aggregate_id", UUID.class),
                    row.get("aggregate_version", Long.class),
                    0))
        .one()
        .block(Duration.ofSeconds(10));
  }
}
