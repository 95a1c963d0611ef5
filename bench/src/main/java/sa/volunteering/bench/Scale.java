package sa.volunteering.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much the suite measures. {@code full}: the platform's data set as it is in the stack, 30 s at
 * each rate; {@code small}: the same stack, shorter runs and smaller streams and subsets, under 10
 * minutes; {@code smoke}: a few seconds per measurement, for the test suite, so the harness cannot
 * rot.
 *
 * @param perRate how long each open-model load runs
 * @param searchRates requests per second the search mix is sent at, service and direct alike
 * @param matchRate requests per second for the indicators' questions and the scaling runs
 * @param matchRates requests per second matches, candidates and their plain searches are sent at
 * @param ceilingRates the rates candidates are stepped through until their p99 passes 100 ms
 * @param candidateStream how many candidates the long candidate stream reads
 * @param streamHits the two stream lengths whose speed and heap are compared
 * @param subsets opportunity counts of the scaling measurement (copies of the first n of the index)
 * @param exposureOpportunities open opportunities whose candidates the exposure measurement counts
 * @param patience how long the suite waits for the stack to settle before each measurement
 *     (decision 0020)
 */
public record Scale(
    String name,
    Duration perRate,
    List<Double> searchRates,
    double matchRate,
    List<Double> matchRates,
    List<Double> ceilingRates,
    int candidateStream,
    List<Integer> streamHits,
    List<Integer> subsets,
    int exposureOpportunities,
    Duration patience) {

  public static Scale of(String name) {
    return switch (name) {
      case "full" ->
          new Scale(
              name,
              Duration.ofSeconds(30),
              List.of(10.0, 20.0, 40.0, 60.0),
              10,
              List.of(10.0, 40.0),
              List.of(10.0, 20.0, 40.0, 60.0, 80.0, 100.0, 130.0, 160.0, 200.0, 250.0),
              100_000,
              List.of(10_000, 100_000),
              List.of(30_000, 100_000, 300_000),
              1_000,
              Duration.ofMinutes(30));
      case "small" ->
          new Scale(
              name,
              Duration.ofSeconds(10),
              List.of(10.0, 20.0, 40.0),
              10,
              List.of(10.0, 40.0),
              List.of(10.0, 20.0, 40.0, 60.0, 80.0, 100.0, 130.0, 160.0, 200.0, 250.0),
              30_000,
              List.of(10_000, 30_000),
              List.of(3_000, 10_000, 30_000),
              300,
              Duration.ofMinutes(15));
      case "smoke" ->
          new Scale(
              name,
              Duration.ofSeconds(1),
              List.of(5.0, 10.0),
              5,
              List.of(5.0),
              List.of(5.0, 10.0),
              200,
              List.of(50, 200),
              List.of(20, 50),
              20,
              Duration.ofSeconds(30));
      default ->
          throw new IllegalArgumentException("--scale must be full, small or smoke, not " + name);
    };
  }

  /**
   * How long the suite sends each measured path before its first section (twice a rate's run), so
   * that its figures do not depend on what ran on the machine before it.
   */
  public Duration suiteWarmUp() {
    return perRate.multipliedBy(2);
  }

  /** The warm-up before each side's measured runs. */
  public Duration warmUp() {
    return perRate.dividedBy(3);
  }
}
