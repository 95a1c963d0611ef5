package sa.volunteering.matching.search.opportunities;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a search asked Elasticsearch for is in its answer: a missing part is a broken answer, named
 * as such.
 */
final class Answered {

  private Answered() {}

  static Aggregate aggregation(Map<String, Aggregate> aggregations, String name) {
    return Objects.requireNonNull(
        aggregations.get(name), () -> "Elasticsearch answered without the aggregation " + name);
  }

  static <T> T source(@Nullable T source) {
    return Objects.requireNonNull(
        source, "Elasticsearch answered a hit without the source asked for");
  }
}
