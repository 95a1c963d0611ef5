package sa.volunteering.matching.indexing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch settled: rows done (indexed, removed, or already superseded by a newer version), rows to
 * retry later (429, 5xx, timeouts, a failed request) and rows that failed for good, with reasons; and the
 * documents Elasticsearch took.
 */
record BulkOutcome(List<Long> done, Map<Long, String> retry, Map<Long, String> failed, List<IndexAction.Put> indexed) {

  static BulkOutcome empty() {
    return new BulkOutcome(new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
  }

  static BulkOutcome retryAll(List<IndexAction> actions, String reason) {
    BulkOutcome outcome = empty();
    actions.forEach(action -> action.outboxIds().forEach(id -> outcome.retry().put(id, reason)));
    return outcome;
  }
}
