package sa.volunteering.matching.indexing;

import java.util.List;
import java.util.Map;

/** What the index must do for some outbox rows. */
sealed interface IndexAction {

  List<Long> outboxIds();

  /** Index the current state at its PostgreSQL version. */
  record Put(
      String index, String id, long version, Map<String, Object> document, List<Long> outboxIds)
      implements IndexAction {}

  /** The row is gone or not public: remove the document, as of this version. */
  record Remove(String index, String id, long version, List<Long> outboxIds)
      implements IndexAction {}

  /** Nothing to change in any index (an organization without public opportunities). */
  record Nothing(List<Long> outboxIds) implements IndexAction {}
}
