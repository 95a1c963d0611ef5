package sa.volunteering.bench;

/**
 * One part of the benchmark suite ({@code bin/bench}): measures, and says what it measured as a
 * section of the report.
 */
public interface Measurement {

  /** Where the section goes in the report, lowest first. */
  int order();

  Report.Section measure(Bench bench) throws Exception;
}
