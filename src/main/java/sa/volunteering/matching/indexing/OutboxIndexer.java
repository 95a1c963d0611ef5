package sa.volunteering.matching.indexing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.PostgresNotifications;

/**
 * Drains the outbox into Elasticsearch. Each batch is one transaction: claim rows with {@code FOR
 * UPDATE SKIP LOCKED} (so instances share the work), read the current state of what they name, send
 * one {@code _bulk}, then acknowledge, reschedule or park each row by its own item's outcome. A row
 * is acknowledged only after Elasticsearch acknowledged its document. A row is parked after {@code
 * max-attempts} failures of its own, never for an outage of the whole cluster, which it outlives
 * retrying every {@code max-backoff} at most. It wakes on {@code NOTIFY outbox} and polls as a
 * fallback. Opportunities it indexed are announced on {@code opportunities_indexed} when the batch
 * commits (live matches listen there), and every document written or removed on {@code
 * documents_changed} (the matching document cache listens there).
 */
@Component
public class OutboxIndexer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxIndexer.class);

  private final OutboxQueue queue;
  private final DocumentLoader documents;
  private final BulkIndexer bulk;
  private final TransactionalOperator transaction;
  private final PostgresNotifications notifications;
  private final IndexedOpportunities announcements;
  private final ChangedDocuments changes;
  private final IndexingProperties properties;
  private volatile Disposable running = () -> {};
  private volatile boolean started;

  OutboxIndexer(
      OutboxQueue queue,
      DocumentLoader documents,
      BulkIndexer bulk,
      TransactionalOperator transaction,
      PostgresNotifications notifications,
      IndexedOpportunities announcements,
      ChangedDocuments changes,
      IndexingProperties properties) {
    this.queue = queue;
    this.documents = documents;
    this.bulk = bulk;
    this.transaction = transaction;
    this.notifications = notifications;
    this.announcements = announcements;
    this.changes = changes;
    this.properties = properties;
  }

  /** Processes one batch; emits how many outbox rows it claimed. */
  public Mono<Integer> drainOnce() {
    return queue
        .claim(properties.batchSize())
        .collectList()
        .flatMap(
            rows ->
                rows.isEmpty()
                    ? Mono.just(0)
                    : Mono.defer(
                            () -> {
                              long readAt = System.nanoTime();
                              return documents
                                  .actionsFor(rows)
                                  .flatMap(actions -> bulk.send(actions, readAt));
                            })
                        .flatMap(outcome -> settle(rows, outcome))
                        .thenReturn(rows.size()))
        .as(transaction::transactional);
  }

  /** Processes batches until a batch comes back short; emits the number of rows claimed in all. */
  public Mono<Integer> drain() {
    return drainOnce()
        .expand(claimed -> claimed == properties.batchSize() ? drainOnce() : Mono.empty())
        .reduce(0, Integer::sum);
  }

  /**
   * One update per group of rows that share a fate: done, parked for one reason, or retried after
   * the same attempts for one reason.
   */
  private Mono<Void> settle(List<OutboxRow> rows, BulkOutcome outcome) {
    Map<Boolean, List<OutboxRow>> retryable =
        rows.stream()
            .filter(row -> outcome.retry().containsKey(row.id()))
            .collect(
                Collectors.partitioningBy(
                    row -> outcome.unreachable() || row.attempts() + 1 < properties.maxAttempts()));
    Map<String, List<Long>> parked = new java.util.LinkedHashMap<>();
    outcome
        .failed()
        .forEach(
            (id, reason) ->
                parked.computeIfAbsent(reason, key -> new java.util.ArrayList<>()).add(id));
    retryable
        .getOrDefault(false, List.of())
        .forEach(
            row ->
                parked
                    .computeIfAbsent(
                        "gave up after "
                            + properties.maxAttempts()
                            + " attempts: "
                            + outcome.retry().getOrDefault(row.id(), "no reason given"),
                        key -> new java.util.ArrayList<>())
                    .add(row.id()));
    Map<RetryGroup, List<Long>> retries =
        retryable.getOrDefault(true, List.of()).stream()
            .collect(
                Collectors.groupingBy(
                    row ->
                        new RetryGroup(
                            row.attempts(),
                            outcome.retry().getOrDefault(row.id(), "no reason given")),
                    Collectors.mapping(OutboxRow::id, Collectors.toList())));
    if (!parked.isEmpty()) {
      log.warn(
          "Indexing: {} rows failed for good and were parked",
          parked.values().stream().mapToInt(List::size).sum());
    }
    return queue
        .done(outcome.done())
        .then(announcements.announce(outcome.indexed()))
        .then(changes.announce(outcome.changed()))
        .thenMany(
            Flux.fromIterable(parked.entrySet())
                .concatMap(group -> queue.park(group.getValue(), group.getKey())))
        .thenMany(
            Flux.fromIterable(retries.entrySet())
                .concatMap(
                    group ->
                        queue.retryLater(
                            group.getValue(),
                            backoff(group.getKey().attempts()),
                            group.getKey().reason())))
        .then();
  }

  /** Rows that failed the same way after the same number of attempts wait the same time. */
  private record RetryGroup(int attempts, String reason) {}

  /** Exponential backoff with full jitter, capped. */
  Duration backoff(int attempts) {
    long base = properties.backoff().toMillis() << Math.min(attempts, 20);
    long capped = Math.min(base, properties.maxBackoff().toMillis());
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  @Override
  public void start() {
    if (!properties.enabled()) {
      return;
    }
    Flux<Object> wakeUps =
        Flux.merge(Flux.interval(properties.pollInterval()), notifications.listen("outbox"));
    // A wake-up that comes while a drain runs is kept (the latest one) and starts one more drain
    // after it:
    // dropping it would leave a change committed during the drain waiting for the next poll.
    running =
        wakeUps
            .onBackpressureLatest()
            .concatMap(
                wakeUp ->
                    drain()
                        .onErrorResume(
                            error -> {
                              log.warn(
                                  "Indexing batch failed; retrying at the next wake-up", error);
                              return Mono.empty();
                            }),
                0)
            .subscribe();
    started = true;
  }

  @Override
  public void stop() {
    running.dispose();
    started = false;
  }

  @Override
  public boolean isRunning() {
    return started;
  }
}
