package sa.volunteering.matching.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.ElasticsearchLanes;
import sa.volunteering.matching.system.problem.ElasticsearchStatus;

/**
 * Sends one {@code _bulk} request for a batch and judges every item on its own: a 200 can still
 * carry failed items. External versions ({@code external_gte}) make late or repeated writes
 * harmless: a 409 means a newer version is already there, which is success for the row. 429 and 5xx
 * items are retried; other 4xx items are failures for an operator. A request that fails as a whole
 * retries every row, and counts against no row unless Elasticsearch refused the request itself as
 * malformed. Documents are not sent once they are older than {@code max-document-age}: a removal's
 * tombstone lives {@code gc-deletes}, and an older write arriving after it expired would bring the
 * document back.
 */
@Component
class BulkIndexer {

  private final ElasticsearchAsyncClient client;
  private final ElasticsearchLanes lanes;
  private final IndexingProperties properties;

  BulkIndexer(
      ElasticsearchAsyncClient client, ElasticsearchLanes lanes, IndexingProperties properties) {
    this.client = client;
    this.lanes = lanes;
    this.properties = properties;
  }

  /**
   * Sends documents read from PostgreSQL at {@code readAt} ({@link System#nanoTime()}), unless they
   * are too old by then.
   */
  Mono<BulkOutcome> send(List<IndexAction> actions, long readAt) {
    BulkOutcome.Builder settled = new BulkOutcome.Builder();
    List<IndexAction> sent = new ArrayList<>();
    List<BulkOperation> operations = new ArrayList<>();
    for (IndexAction action : actions) {
      switch (action) {
        case IndexAction.Nothing nothing -> settled.done(nothing.outboxIds());
        case IndexAction.Put put -> {
          sent.add(put);
          operations.add(
              BulkOperation.of(
                  op ->
                      op.index(
                          index ->
                              index
                                  .index(put.index())
                                  .id(put.id())
                                  .version(put.version())
                                  .versionType(VersionType.ExternalGte)
                                  .document(put.document()))));
        }
        case IndexAction.Remove remove -> {
          sent.add(remove);
          operations.add(
              BulkOperation.of(
                  op ->
                      op.delete(
                          delete ->
                              delete
                                  .index(remove.index())
                                  .id(remove.id())
                                  .version(remove.version())
                                  .versionType(VersionType.ExternalGte))));
        }
      }
    }
    if (operations.isEmpty()) {
      return Mono.just(settled.build(false));
    }
    BulkRequest request = BulkRequest.of(bulk -> bulk.operations(operations));
    return lanes
        .indexing(
            () -> {
              long age = System.nanoTime() - readAt;
              if (age > properties.maxDocumentAge().toNanos()) {
                return CompletableFuture.failedFuture(
                    new StaleDocumentsException(
                        Duration.ofNanos(age), properties.maxDocumentAge()));
              }
              return client.bulk(request);
            })
        .timeout(properties.bulkTimeout())
        .map(response -> judge(response, sent, settled))
        .onErrorResume(
            error ->
                Mono.just(
                    BulkOutcome.retryAll(
                        settled.done(),
                        sent,
                        "bulk request failed: " + error,
                        !refusedAsMalformed(error))));
  }

  /** Reads each item's answer, in the order sent: done, to retry, or failed for good. */
  static BulkOutcome judge(
      BulkResponse response, List<IndexAction> sent, BulkOutcome.Builder outcome) {
    List<BulkResponseItem> items = response.items();
    for (int i = 0; i < sent.size(); i++) {
      IndexAction action = sent.get(i);
      if (i >= items.size()) {
        outcome.retry(action, "no answer for this item in the bulk response");
        continue;
      }
      BulkResponseItem item = items.get(i);
      int status = item.status();
      boolean removedAlready = action instanceof IndexAction.Remove && status == 404;
      if ((status >= 200 && status < 300) || status == 409 || removedAlready) {
        outcome.done(action.outboxIds());
        if (status < 300 && action instanceof IndexAction.Put put) {
          outcome.indexed(put).changed(put.id());
        }
        if (action instanceof IndexAction.Remove remove && status != 409) {
          outcome.changed(remove.id());
        }
      } else if (status == 429 || status >= 500) {
        outcome.retry(action, describe(status, item.error()));
      } else {
        outcome.failed(action, describe(status, item.error()));
      }
    }
    return outcome.build(false);
  }

  /**
   * Documents that waited too long for their request: read again rather than risk outliving a
   * removal's tombstone.
   */
  static final class StaleDocumentsException extends RuntimeException {
    StaleDocumentsException(Duration age, Duration limit) {
      super(
          "documents read "
              + age.toMillis()
              + " ms ago, more than app.indexing.max-document-age ("
              + limit.toMillis()
              + " ms); read again");
    }
  }

  /**
   * Elasticsearch answered the request as a whole with a 4xx other than 429: retrying it unchanged
   * cannot help.
   */
  private static boolean refusedAsMalformed(Throwable error) {
    int status = ElasticsearchStatus.of(error);
    return status >= 400 && status < 500 && status != 429;
  }

  private static String describe(int status, @Nullable ErrorCause error) {
    return error == null
        ? "status " + status
        : "status " + status + ": " + error.type() + ": " + error.reason();
  }
}
