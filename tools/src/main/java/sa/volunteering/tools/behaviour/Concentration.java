package sa.volunteering.tools.behaviour;

import java.util.Arrays;
import java.util.Collection;

/**
 * How unevenly appearances in ranked lists are spread over the people who appear (decision 0028):
 * the share of all appearances held by the most shown 1 %, and the Gini coefficient of the
 * appearance counts.
 *
 * @param appearances every appearance counted
 * @param distinct the people who appear at least once
 * @param topPercentShare the share of the appearances held by the most shown 1 % of those who
 *     appear (at least one person)
 * @param gini the Gini coefficient of the appearance counts of those who appear: 0 when everyone
 *     appears as often, towards 1 when a few take nearly all
 * @param mostShown the appearances of the most shown person
 */
public record Concentration(
    long appearances, int distinct, double topPercentShare, double gini, int mostShown) {

  /** The concentration of these appearance counts, one per person shown. */
  public static Concentration of(Collection<Integer> counts) {
    int[] sorted =
        counts.stream().mapToInt(Integer::intValue).filter(c -> c > 0).sorted().toArray();
    int n = sorted.length;
    long total = Arrays.stream(sorted).asLongStream().sum();
    if (n == 0) {
      return new Concentration(0, 0, 0, 0, 0);
    }
    int top = Math.max(1, (int) Math.ceil(n / 100.0));
    long heldByTop = 0;
    for (int i = n - top; i < n; i++) {
      heldByTop += sorted[i];
    }
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
    }
    double gini = weighted / ((double) n * total);
    return new Concentration(total, n, (double) heldByTop / total, gini, sorted[n - 1]);
  }
}
