package sa.volunteering.matching.support;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Measures of a ranked list against what should have been ranked first. */
public final class RankingMeasures {

  private RankingMeasures() {}

  /** nDCG at {@code k} of a ranked list of grades against every grade there was to rank. */
  public static double ndcg(List<Integer> ranked, List<Integer> all, int k) {
    double dcg = dcg(ranked, k);
    double ideal = dcg(all.stream().sorted(Comparator.reverseOrder()).toList(), k);
    return ideal == 0 ? Double.NaN : dcg / ideal;
  }

  /** nDCG at {@code k} when every intended result has grade 1 and everything else 0. */
  public static double ndcg(List<String> ranked, Set<String> intended, int k) {
    List<Integer> grades = ranked.stream().map(key -> intended.contains(key) ? 1 : 0).toList();
    return ndcg(grades, intended.stream().map(key -> 1).toList(), k);
  }

  /** Whether an intended result is among the first {@code k}. */
  public static boolean hit(List<String> ranked, Set<String> intended, int k) {
    return ranked.stream().limit(k).anyMatch(intended::contains);
  }

  /** One over the rank of the first intended result; 0 when none was ranked. */
  public static double reciprocalRank(List<String> ranked, Set<String> intended) {
    for (int i = 0; i < ranked.size(); i++) {
      if (intended.contains(ranked.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double dcg(List<Integer> grades, int k) {
    double sum = 0;
    for (int i = 0; i < Math.min(k, grades.size()); i++) {
      sum += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    return sum;
  }
}
