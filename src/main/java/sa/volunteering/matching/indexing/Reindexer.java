package sa.volunteering.matching.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import sa.volunteering.matching.search.ElasticsearchLanes;
import sa.volunteering.matching.search.index.IndexDefinition;
import sa.volunteering.matching.search.index.IndexDefinitions;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.system.IdGenerator;
import sa.volunteering.matching.system.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds an index with no downtime: a new versioned index from {@code index-mappings/}, filled
 * from PostgreSQL in streamed batches (refresh off, no replicas), settings restored, the alias
 * moved in one atomic request, then every change announced since the load began applied again to
 * the new index, so that nothing committed during the load is missing. Searches use the old index
 * until the swap.
 */
@Component
public class Reindexer implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

  private static final Map<String, String> COUNTS =
      Map.of(
          "opportunities", "select count(*) as n from opportunities where status <> 'draft'",
          "volunteers", "select count(*) as n from volunteers where status = 'active'");
  private static final Map<String, List<String>> ANNOUNCING =
      Map.of(
          "opportunities", List.of("opportunity", "organization"),
          "volunteers", List.of("volunteer"));

  private final DatabaseClient database;
  private final ElasticsearchAsyncClient client;
  private final ElasticsearchLanes lanes;
  private final DocumentLoader documents;
  private final ReindexSource source;
  private final BulkIndexer bulk;
  private final IndexDefinitions definitions;
  private final SearchIndexProperties indexes;
  private final JsonMapper json;
  private final IdGenerator ids;
  private final ReindexJobs store;
  private final ReindexProperties properties;

  /** The jobs this instance runs now: at most one per index, removed when they end. */
  private final Map<String, Running> running = new ConcurrentHashMap<>();

  private record Running(ReindexJob job, Disposable work) {}

  Reindexer(
      DatabaseClient database,
      ElasticsearchAsyncClient client,
      ElasticsearchLanes lanes,
      DocumentLoader documents,
      ReindexSource source,
      BulkIndexer bulk,
      IndexDefinitions definitions,
      SearchIndexProperties indexes,
      JsonMapper json,
      IdGenerator ids,
      ReindexJobs store,
      ReindexProperties properties) {
    this.database = database;
    this.client = client;
    this.lanes = lanes;
    this.documents = documents;
    this.source = source;
    this.bulk = bulk;
    this.definitions = definitions;
    this.indexes = indexes;
    this.json = json;
    this.ids = ids;
    this.store = store;
    this.properties = properties;
  }

  /**
   * Starts a reindex in the background and records it in PostgreSQL; 404 for an unknown index, 409
   * while a reindex of it runs on any instance.
   */
  Mono<ReindexJob> start(String name, int batchSize, Duration throttle, boolean keepOld) {
    return Mono.defer(
        () -> {
          IndexDefinition definition =
              definitions.all().stream()
                  .filter(candidate -> candidate.name().equals(name))
                  .findFirst()
                  .orElseThrow(() -> Problems.notFound("Index", name));
          String alias = indexes.alias(name);
          ReindexJob job =
              new ReindexJob(
                  ids.next().toString(),
                  name,
                  definition.indexName(alias) + "-" + Instant.now().toEpochMilli());
          return store
              .claim(UUID.fromString(job.id), name, job.target)
              .then(Mono.fromRunnable(() -> launch(job, definition, batchSize, throttle, keepOld)))
              .thenReturn(job);
        });
  }

  /** Runs a reindex to its end (the command-line entry). */
  public Mono<ReindexJob.Progress> runToEnd(
      String name, int batchSize, Duration throttle, boolean keepOld) {
    return start(name, batchSize, throttle, keepOld)
        .flatMap(job -> job.ended().then(Mono.fromSupplier(job::progress)));
  }

  /** A job as any instance sees it. */
  Mono<ReindexJob.Progress> job(String id) {
    return store.find(id);
  }

  /**
   * The job outlives the request that started it; its progress is written every heartbeat, and its
   * end when it ends.
   */
  private void launch(
      ReindexJob job,
      IndexDefinition definition,
      int batchSize,
      Duration throttle,
      boolean keepOld) {
    Disposable heartbeat =
        Flux.interval(properties.heartbeat())
            .concatMap(
                tick ->
                    store
                        .progress(job)
                        .onErrorResume(
                            error -> {
                              log.warn(
                                  "Progress of reindex {} not recorded: {}",
                                  job.id,
                                  error.toString());
                              return Mono.empty();
                            }))
            .subscribe();
    Disposable work =
        run(job, definition, batchSize, throttle, keepOld)
            .then(Mono.fromRunnable(job::succeeded))
            .onErrorResume(
                error -> {
                  log.error("Reindex {} of {} failed", job.id, job.name, error);
                  job.failed(error);
                  return Mono.empty();
                })
            .then(Mono.defer(() -> record(job)))
            .doFinally(
                signal -> {
                  heartbeat.dispose();
                  running.remove(job.id);
                })
            .subscribe();
    running.put(job.id, new Running(job, work));
  }

  private Mono<Void> record(ReindexJob job) {
    return store
        .finish(job, job.state().name(), job.error())
        .onErrorResume(
            error -> {
              log.error(
                  "The end of reindex {} ({}) was not recorded; it reads as INTERRUPTED once its heartbeat is stale",
                  job.id,
                  job.state(),
                  error);
              return Mono.empty();
            })
        .doFinally(signal -> job.recorded());
  }

  /**
   * At shutdown: the jobs still running are given up and recorded as INTERRUPTED, within a few
   * seconds.
   */
  @Override
  public void destroy() {
    List<Mono<Void>> ends =
        running.values().stream()
            .filter(entry -> entry.job().state() == ReindexJob.State.RUNNING)
            .map(
                entry -> {
                  entry.work().dispose();
                  entry.job().interrupted();
                  log.warn(
                      "Reindex {} of {} interrupted: the instance is stopping",
                      entry.job().id,
                      entry.job().name);
                  return record(entry.job());
                })
            .toList();
    Mono<Void> recorded = Mono.when(ends).timeout(Duration.ofSeconds(5)).onErrorComplete();
    if (Schedulers.isInNonBlockingThread()) {
      // never waits on an event loop: the ends are recorded when the database answers
      recorded.subscribe();
    } else {
      // Spring's closing thread: the context's connections must outlive these last writes
      recorded.block();
    }
  }

  private Mono<Void> run(
      ReindexJob job,
      IndexDefinition definition,
      int batchSize,
      Duration throttle,
      boolean keepOld) {
    String alias = indexes.alias(job.name);
    return OutboxWatermark.take(database)
        .flatMap(
            mark ->
                lanes
                    .indexing(
                        () ->
                            client
                                .indices()
                                .create(
                                    c ->
                                        c.index(job.target)
                                            .withJson(
                                                new StringReader(
                                                    definition.createBody(
                                                        json, indexes.replicas(), true, null)))))
                    .then(
                        database
                            .sql(forIndex(COUNTS, job.name))
                            .map(row -> Columns.required(row, "n", Long.class))
                            .one()
                            .doOnNext(job.total::set))
                    .then(load(job, batchSize, throttle))
                    .then(
                        lanes.indexing(
                            () ->
                                client
                                    .indices()
                                    .putSettings(
                                        s ->
                                            s.index(job.target)
                                                .settings(
                                                    settings ->
                                                        settings
                                                            .numberOfReplicas(
                                                                String.valueOf(indexes.replicas()))
                                                            .refreshInterval(t -> t.time("1s"))))))
                    .then(lanes.indexing(() -> client.indices().refresh(r -> r.index(job.target))))
                    .then(swap(alias, job.target, keepOld))
                    .then(catchUp(job, mark, batchSize)))
        .doOnSuccess(
            ignored ->
                log.info(
                    "Reindex of {} done: {} documents in {}, {} changes applied again after the swap",
                    job.name,
                    job.done.get(),
                    job.target,
                    job.caughtUp.get()));
  }

  /**
   * Every document of the job's index, a page at a time. Two stages of one page each: the next page
   * is read from PostgreSQL while this one's bulk request is in Elasticsearch.
   */
  private Mono<Void> load(ReindexJob job, int batchSize, Duration throttle) {
    long[] lastLog = {System.nanoTime()};
    return source
        .page(job.name, ReindexSource.BEFORE_ALL, batchSize, job.target)
        .expand(
            page ->
                page.last() == null
                    ? Mono.empty()
                    : source.page(job.name, page.last(), batchSize, job.target))
        .filter(page -> !page.actions().isEmpty())
        .concatMap(
            page ->
                sendFully(page.actions(), page.readAt())
                    .doOnSuccess(
                        ignored -> {
                          job.done.addAndGet(page.actions().size());
                          if (System.nanoTime() - lastLog[0] > Duration.ofSeconds(2).toNanos()) {
                            lastLog[0] = System.nanoTime();
                            ReindexJob.Progress progress = job.progress();
                            log.info(
                                "Reindex of {}: {}% ({} of {}), {} documents/s, {} s left",
                                job.name,
                                progress.percent(),
                                progress.done(),
                                progress.total(),
                                progress.documentsPerSecond(),
                                progress.secondsLeft());
                          }
                        })
                    .then(throttle.isZero() ? Mono.empty() : Mono.delay(throttle).then()),
            1)
        .then();
  }

  /** Reads a batch's documents and sends them, stamped with the time they were read. */
  private Mono<Void> readAndSend(java.util.function.Supplier<Mono<List<IndexAction>>> read) {
    return Mono.defer(
        () -> {
          long readAt = System.nanoTime();
          return read.get().flatMap(actions -> sendFully(actions, readAt));
        });
  }

  /**
   * Sends until every document is done; retries what Elasticsearch asks to retry, fails on the
   * rest.
   */
  private Mono<Void> sendFully(List<IndexAction> actions, long readAt) {
    return bulk.send(actions, readAt)
        .flatMap(
            outcome -> {
              if (!outcome.failed().isEmpty()) {
                return Mono.error(
                    new IllegalStateException(
                        "Elasticsearch refused documents: "
                            + outcome.failed().values().iterator().next()));
              }
              if (!outcome.retry().isEmpty()) {
                return Mono.error(
                    new RetryableBulkException(outcome.retry().values().iterator().next()));
              }
              return Mono.<Void>empty();
            })
        .retryWhen(
            Retry.backoff(8, Duration.ofMillis(200))
                .filter(RetryableBulkException.class::isInstance));
  }

  private Mono<Void> swap(String alias, String target, boolean keepOld) {
    return lanes
        .indexing(() -> client.indices().getAlias(a -> a.name(alias)))
        .map(response -> Set.copyOf(response.aliases().keySet()))
        .onErrorReturn(Set.of())
        .flatMap(
            old ->
                lanes
                    .indexing(
                        () ->
                            client
                                .indices()
                                .updateAliases(
                                    update -> {
                                      old.forEach(
                                          index ->
                                              update.actions(
                                                  action ->
                                                      action.remove(
                                                          remove ->
                                                              remove.index(index).alias(alias))));
                                      return update.actions(
                                          action ->
                                              action.add(add -> add.index(target).alias(alias)));
                                    }))
                    .then(
                        keepOld || old.isEmpty()
                            ? Mono.empty()
                            : lanes
                                .indexing(
                                    () -> client.indices().delete(d -> d.index(List.copyOf(old))))
                                .then()));
  }

  /**
   * Every change announced since the load began (late commits included), applied again through the
   * alias, now on the new index.
   */
  private Mono<Void> catchUp(ReindexJob job, OutboxWatermark watermark, int batchSize) {
    return watermark
        .since(database, forIndex(ANNOUNCING, job.name))
        .buffer(batchSize)
        .concatMap(
            batch ->
                readAndSend(() -> documents.actionsFor(batch))
                    .doOnSuccess(ignored -> job.caughtUp.addAndGet(batch.size())),
            1)
        .then();
  }

  /**
   * The statement or channels of an index the definitions know: every index a job can name has
   * them.
   */
  private static <T> T forIndex(Map<String, T> byIndex, String name) {
    return Objects.requireNonNull(byIndex.get(name), () -> "nothing defined for the index " + name);
  }

  /** A bulk answer that asked for another try (429, 5xx, a failed request). */
  private static final class RetryableBulkException extends RuntimeException {
    RetryableBulkException(String reason) {
      super(reason);
    }
  }
}
