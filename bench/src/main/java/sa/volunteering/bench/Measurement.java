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
   * Sends what {@link #measure} will send, unmeasured, so that no section finds a path cold that an
   * earlier run would have warmed; the suite calls it for every measurement before the first
   * section. Returns how many requests (or streams) it sent.
   */
  default long warmUp(Bench bench) throws Exception {
    return 0;
  }

  /**
   * The kinds of work the measurement causes itself ({@code outbox}, {@code indicators}, {@code
   * PostgreSQL}), which the suite reports beside the section but does not count against it.
   */
  default Set<String> ownWork() {
    return Set.of();
  }

  /**
   * Whether the suite runs it only when {@code --only} names it, as for a measurement that needs
   * more than the stack (other services to compare).
   */
  default boolean onRequestOnly() {
    return false;
  }
}
