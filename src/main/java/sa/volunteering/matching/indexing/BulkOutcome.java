package sa.volunteering.matching.indexing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch settled: rows done (indexed, removed, or already superseded by a newer version), rows to
 * retry later (429, 5xx, timeouts, a failed request) and rows that failed for good, with reasons; and the
 * documents Elasticsearch took. {@code unreachable} says the request failed as a whole (the cluster was not
 * reached, or did not answer): no fault of any row, so no row is given up on for it.
 */
record BulkOutcome(List<Long> done, Map<Long, String> retry, Map<Long, String> failed, List<IndexAction.Put> indexed, boolean unreachable) {

  static BulkOutcome empty() {
    return new BulkOutcome(new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>(), false);
  }

  static BulkOutcome retryAll(List<IndexAction> actions, String reason, boolean unreachable) {
    BulkOutcome outcome = new BulkOutcome(new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>(), unreachable);
    actions.forEach(action -> action.outboxIds().forEach(id -> outcome.retry().put(id, reason)));
    return outcome;
  }
}
