package sa.volunteering.matching.indexing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled run the indexer in this instance (several instances may run it together)
 * @param batchSize outbox rows claimed, and at most one {@code _bulk} request sent, per batch
 * @param pollInterval how often to look for work when no notification arrives
 * @param maxAttempts failures of a row's own (not a whole-cluster outage) before it is parked for
 *     an operator
 * @param backoff first retry delay; doubled per attempt, with jitter, up to {@code maxBackoff}
 * @param maxBackoff longest retry delay: after an outage, the index has caught up within about this
 *     long
 * @param bulkTimeout how long one {@code _bulk} may take before the batch is retried
 * @param lagThreshold oldest pending change older than this makes the {@code indexing} health
 *     component, and so readiness, DOWN
 * @param monitorInterval how often the outbox gauges are read again
 * @param maxDocumentAge documents read longer ago than this are not sent (the batch is read again):
 *     a late write must never outlive {@code app.search.index.gc-deletes}, or it could bring back a
 *     removed document (decision 0019)
 */
@Validated
@ConfigurationProperties("app.indexing")
public record IndexingProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("500") @Min(1) @Max(10000) int batchSize,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("8") @Min(1) int maxAttempts,
    @DefaultValue("500ms") Duration backoff,
    @DefaultValue("30s") Duration maxBackoff,
    @DefaultValue("30s") Duration bulkTimeout,
    @DefaultValue("2m") Duration lagThreshold,
    @DefaultValue("10s") Duration monitorInterval,
    @DefaultValue("60s") Duration maxDocumentAge) {

  /**
   * These settings with the indexer on: fault tests run indexers of their own in a JVM whose
   * background indexer is off.
   */
  public IndexingProperties withIndexing() {
    return new IndexingProperties(
        true,
        batchSize,
        pollInterval,
        maxAttempts,
        backoff,
        maxBackoff,
        bulkTimeout,
        lagThreshold,
        monitorInterval,
        maxDocumentAge);
  }
}
