package sa.volunteering.matching.indexing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch settled: rows done (indexed, removed, or already superseded by a newer version),
 * rows to retry later (429, 5xx, timeouts, a failed request) and rows that failed for good, with
 * reasons; the documents Elasticsearch took, and the ids of every document it wrote or removed.
 * {@code unreachable} says the request failed as a whole (the cluster was not reached, or did not
 * answer): no fault of any row, so no row is given up on for it. Immutable: built once by {@link
 * Builder}.
 */
record BulkOutcome(
    List<Long> done,
    Map<Long, String> retry,
    Map<Long, String> failed,
    List<IndexAction.Put> indexed,
    List<String> changed,
    boolean unreachable) {

  BulkOutcome {
    done = List.copyOf(done);
    retry = Collections.unmodifiableMap(new LinkedHashMap<>(retry));
    failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    indexed = List.copyOf(indexed);
    changed = List.copyOf(changed);
  }

  /** Every row of the actions to retry for one reason, besides those already done. */
  static BulkOutcome retryAll(
      Collection<Long> done, List<IndexAction> actions, String reason, boolean unreachable) {
    Builder outcome = new Builder().done(done);
    actions.forEach(action -> outcome.retry(action, reason));
    return outcome.build(unreachable);
  }

  /** Collects a batch's rows as their answers are read. */
  static final class Builder {

    private final List<Long> done = new ArrayList<>();
    private final Map<Long, String> retry = new LinkedHashMap<>();
    private final Map<Long, String> failed = new LinkedHashMap<>();
    private final List<IndexAction.Put> indexed = new ArrayList<>();
    private final List<String> changed = new ArrayList<>();

    Builder done(Collection<Long> rows) {
      done.addAll(rows);
      return this;
    }

    Builder indexed(IndexAction.Put put) {
      indexed.add(put);
      return this;
    }

    Builder changed(String id) {
      changed.add(id);
      return this;
    }

    Builder retry(IndexAction action, String reason) {
      action.outboxIds().forEach(id -> retry.put(id, reason));
      return this;
    }

    Builder failed(IndexAction action, String reason) {
      action.outboxIds().forEach(id -> failed.put(id, reason));
      return this;
    }

    List<Long> done() {
      return Collections.unmodifiableList(done);
    }

    BulkOutcome build(boolean unreachable) {
      return new BulkOutcome(done, retry, failed, indexed, changed, unreachable);
    }
  }
}
