package sa.volunteering.bench;

import java.util.Set;

/**
 * One part of the benchmark suite ({@code bin/bench}): measures, and says what it measured as a
 * section of the report.
 */
public interface Measurement {

  /** Where the section goes in the report, lowest first. */
  int order();

  Report.Section measure(Bench bench) throws Exception;

  /**
   * The kinds of work the measurement causes itself ({@code outbox}, {@code indicators}, {@code
   * PostgreSQL}), which the suite reports beside the section but does not count against it.
   */
  default Set<String> ownWork() {
    return Set.of();
  }
}
