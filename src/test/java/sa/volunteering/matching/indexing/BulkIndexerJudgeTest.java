package sa.volunteering.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How each item of a bulk answer settles its outbox rows. */
class BulkIndexerJudgeTest {

  private static final IndexAction.Put CREATED = put("a", 1L, 2L);
  private static final IndexAction.Put SUPERSEDED = put("b", 3L);
  private static final IndexAction.Remove REMOVED_ALREADY =
      new IndexAction.Remove("opportunities", "c", 4, List.of(4L));
  private static final IndexAction.Put OVERLOADED = put("d", 5L);
  private static final IndexAction.Put MALFORMED = put("e", 6L);
  private static final IndexAction.Remove UNAVAILABLE =
      new IndexAction.Remove("opportunities", "f", 7, List.of(7L));

  @Test
  void eachItemSettlesItsRows() {
    BulkResponse response =
        response(
            item(201, null),
            item(409, "version_conflict_engine_exception"),
            item(404, null),
            item(429, "es_rejected_execution_exception"),
            item(400, "mapper_parsing_exception"),
            item(503, "unavailable_shards_exception"));

    BulkOutcome outcome =
        BulkIndexer.judge(
            response,
            List.of(CREATED, SUPERSEDED, REMOVED_ALREADY, OVERLOADED, MALFORMED, UNAVAILABLE),
            new BulkOutcome.Builder().done(List.of(99L)));

    assertThat(outcome.done()).containsExactly(99L, 1L, 2L, 3L, 4L);
    assertThat(outcome.indexed()).containsExactly(CREATED);
    assertThat(outcome.retry()).containsOnlyKeys(5L, 7L);
    assertThat(outcome.retry().get(5L)).contains("429").contains("es_rejected_execution_exception");
    assertThat(outcome.failed()).containsOnlyKeys(6L);
    assertThat(outcome.failed().get(6L)).contains("400").contains("mapper_parsing_exception");
    assertThat(outcome.unreachable()).isFalse();
  }

  @Test
  void anItemWithNoAnswerIsRetried() {
    BulkOutcome outcome =
        BulkIndexer.judge(
            response(item(200, null)), List.of(CREATED, OVERLOADED), new BulkOutcome.Builder());

    assertThat(outcome.done()).containsExactly(1L, 2L);
    assertThat(outcome.retry()).containsOnlyKeys(5L);
    assertThat(outcome.retry().get(5L)).contains("no answer");
  }

  @Test
  void aPutThatFoundNothingIsNotDoneButARemoveIs() {
    BulkOutcome outcome =
        BulkIndexer.judge(
            response(item(404, "index_not_found_exception"), item(404, null)),
            List.of(CREATED, REMOVED_ALREADY),
            new BulkOutcome.Builder());

    assertThat(outcome.failed()).containsOnlyKeys(1L, 2L);
    assertThat(outcome.done()).containsExactly(4L);
  }

  @Test
  void theOutcomeCannotBeChangedOnceBuilt() {
    BulkOutcome outcome =
        BulkOutcome.retryAll(List.of(1L), List.of(OVERLOADED), "bulk request failed", true);

    assertThat(outcome.done()).containsExactly(1L);
    assertThat(outcome.retry()).containsEntry(5L, "bulk request failed");
    assertThat(outcome.unreachable()).isTrue();
    assertThatThrownBy(() -> outcome.done().add(2L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> outcome.retry().put(2L, ""))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static IndexAction.Put put(String id, Long... rows) {
    return new IndexAction.Put("opportunities", id, 1, Map.of("id", id), List.of(rows));
  }

  private static BulkResponse response(BulkResponseItem... items) {
    return BulkResponse.of(b -> b.errors(true).took(1).items(List.of(items)));
  }

  private static BulkResponseItem item(int status, String error) {
    return BulkResponseItem.of(
        i -> {
          i.operationType(OperationType.Index).index("opportunities").status(status);
          return error == null ? i : i.error(ErrorCause.of(e -> e.type(error).reason("because")));
        });
  }
}
