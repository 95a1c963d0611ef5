package sa.volunteering.tools.behaviour;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import sa.volunteering.tools.behaviour.LabelledImpressions.Labelled;

/**
 * Fits the component weights of each direction to its outcomes with a position-based click model: a
 * result led somewhere when it was looked at, with a chance that depends only on its rank, and it
 * drew its reader, with a chance that is a logistic function of the components' values plus an
 * intercept. Both are fitted together by expectation-maximisation (regression EM): each round takes
 * the chance that each result without an outcome was looked at and passed over, or never looked at,
 * re-estimates the chance of being looked at per rank from it, and fits the logistic regression to
 * each result's expected attraction ({@link LabelledImpressions} says what counts as an outcome).
 * So the components are not credited with the top ranks being read more.
 *
 * <p>The features are the components' values (their points over the weights they were served with,
 * each in [0, 1]), so a component's coefficient is its fitted weight; a negative one becomes 0 (a
 * weight is never negative); the fitted weights are scaled to the same total as the served ones,
 * which changes no ranking and keeps the related-skill credit, the text weight and the live
 * threshold's share in proportion. The exposure weight is a policy, not a preference, and is kept
 * as it is. A direction without an outcome to learn from keeps its served weights.
 *
 * <p>Whole lists are held out (a share drawn by the seed, list by list) and the fit is judged
 * there: each held-out list with an outcome is re-ranked by the served weights and by the fitted
 * ones, and each order scored by DCG@10 whose gains are the outcomes divided by the fitted chance
 * that their served rank was looked at (inverse propensity weighting: the served order put the
 * served weights' favourites where they are read most), averaged over the lists: an estimate of how
 * many outcomes each order would draw, discounted by position.
 */
public final class WeightFit {

  /** The components both directions rank by, whose weights are fitted. */
  private static final List<String> BOTH =
      List.of(
          "skills",
          "field",
          "city",
          "distance",
          "language",
          "past_field",
          "past_organization",
          "freshness",
          "weekdays");

  /** The components whose weights are fitted ranking a volunteer's matches. */
  static final List<String> MATCHES = with(BOTH, "capacity", "urgency", "verified");

  /** The components whose weights are fitted ranking an opportunity's candidates. */
  static final List<String> CANDIDATES = with(BOTH, "experience", "track_record");

  static final String TIEBREAK = "tiebreak";
  static final double RIDGE = 0.1;
  static final int CUTOFF = 10;
  static final int EM_ROUNDS = 2000;
  static final double EM_CONVERGED = 1e-5;

  /** Ranks 1 to 20 are looked at with a chance each; every rank below shares the last one. */
  static final int RANKS = 21;

  private WeightFit() {}

  /**
   * One direction's fit: its weights (the served ones where it was not fitted), each fitted
   * component's coefficient and the intercept, and how both sets rank the held-out lists.
   */
  public record Direction(
      boolean fitted,
      Map<String, Double> weights,
      Map<String, Double> coefficients,
      long lists,
      long impressions,
      long positives,
      long judgedLists,
      double servedDcg,
      double fittedDcg,
      double lookedAtRank10) {}

  /** What a fit found: for the matches' weights and for the candidates'. */
  public record Result(Direction matches, Direction candidates) {}

  public static Result fit(
      List<Labelled> results,
      Map<String, Double> servedMatches,
      Map<String, Double> servedCandidates,
      double holdout,
      long seed) {
    Direction matches =
        direction(
            results.stream().filter(r -> !r.candidates()).toList(),
            MATCHES,
            servedMatches,
            holdout,
            seed);
    Direction candidates =
        direction(
            results.stream().filter(Labelled::candidates).toList(),
            CANDIDATES,
            servedCandidates,
            holdout,
            seed);
    if (!matches.fitted() && !candidates.fitted()) {
      throw new IllegalArgumentException(
          "no outcome among " + results.size() + " impressions to learn from");
    }
    return new Result(matches, candidates);
  }

  private static Direction direction(
      List<Labelled> results,
      List<String> components,
      Map<String, Double> served,
      double holdout,
      long seed) {
    List<Labelled> training = new ArrayList<>();
    Map<UUID, List<Labelled>> judged = new LinkedHashMap<>();
    for (Labelled result : results) {
      if (heldOut(result.list(), holdout, seed)) {
        judged.computeIfAbsent(result.list(), list -> new ArrayList<>()).add(result);
      } else {
        training.add(result);
      }
    }
    long lists = results.stream().map(Labelled::list).distinct().count();
    long positives = results.stream().filter(Labelled::positive).count();
    if (training.stream().noneMatch(Labelled::positive)) {
      return new Direction(
          false,
          served,
          Map.of(),
          lists,
          results.size(),
          positives,
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN);
    }
    Model model = Model.fit(training, components, served);
    Map<String, Double> coefficients = new LinkedHashMap<>();
    for (int j = 0; j < components.size(); j++) {
      coefficients.put(components.get(j), model.beta()[j]);
    }
    coefficients.put("intercept", model.beta()[components.size()]);
    Map<String, Double> weights = weights(components, coefficients, served);
    Map<String, Double> ratios = ratios(components, weights, served);
    long count = 0;
    double servedDcg = 0;
    double fittedDcg = 0;
    for (List<Labelled> list : judged.values()) {
      if (list.stream().anyMatch(Labelled::positive)) {
        count++;
        servedDcg += dcg(list, Map.of(), model.lookedAt());
        fittedDcg += dcg(list, ratios, model.lookedAt());
      }
    }
    return new Direction(
        true,
        weights,
        coefficients,
        lists,
        results.size(),
        positives,
        count,
        count == 0 ? Double.NaN : servedDcg / count,
        count == 0 ? Double.NaN : fittedDcg / count,
        model.lookedAt()[bucket(10)]);
  }

  /**
   * The fitted click model: the attraction's coefficients (the components', then the intercept),
   * and the chance of being looked at by rank, the top one's 1.
   */
  record Model(double[] beta, double[] lookedAt) {

    static Model fit(List<Labelled> training, List<String> components, Map<String, Double> served) {
      int n = training.size();
      double[][] rows = new double[n][];
      int[] rank = new int[n];
      for (int i = 0; i < n; i++) {
        rows[i] = features(training.get(i), components, served);
        rank[i] = bucket(training.get(i).rank());
      }
      double exponent = 0.5;
      double[] lookedAt = PositionBias.chances(exponent);
      double[] beta = new double[rows[0].length];
      double[] attraction = new double[n];
      for (int round = 0; round < EM_ROUNDS; round++) {
        double[] looked = new double[RANKS];
        double[] shown = new double[RANKS];
        for (int i = 0; i < n; i++) {
          double theta = lookedAt[rank[i]];
          double gamma = LogisticRegression.probability(beta, rows[i]);
          shown[rank[i]]++;
          if (training.get(i).positive()) {
            looked[rank[i]]++;
            attraction[i] = 1;
          } else {
            double missed = 1 - theta * gamma;
            looked[rank[i]] += theta * (1 - gamma) / missed;
            attraction[i] = (1 - theta) * gamma / missed;
          }
        }
        exponent = PositionBias.exponent(looked, shown);
        lookedAt = PositionBias.chances(exponent);
        double[] next = LogisticRegression.fit(rows, attraction, RIDGE, beta);
        double moved = 0;
        for (int j = 0; j < beta.length; j++) {
          moved = Math.max(moved, Math.abs(next[j] - beta[j]));
        }
        beta = next;
        if (moved < EM_CONVERGED) {
          break;
        }
      }
      return new Model(beta, lookedAt);
    }
  }

  private static List<String> with(List<String> common, String... own) {
    List<String> all = new ArrayList<>(common);
    all.addAll(List.of(own));
    return List.copyOf(all);
  }

  static int bucket(int rank) {
    return Math.min(rank, RANKS) - 1;
  }

  static boolean heldOut(UUID list, double holdout, long seed) {
    return new SplittableRandom(
                seed ^ list.getMostSignificantBits() ^ list.getLeastSignificantBits())
            .nextDouble()
        < holdout;
  }

  /** Each component's value (its points over the weight it was served with), and the intercept. */
  private static double[] features(
      Labelled result, List<String> components, Map<String, Double> served) {
    int k = components.size();
    double[] x = new double[k + 1];
    for (int j = 0; j < k; j++) {
      double weight = served.getOrDefault(WeightNames.configured(components.get(j)), 0.0);
      x[j] = weight > 0 ? result.points().getOrDefault(components.get(j), 0.0) / weight : 0;
    }
    x[k] = 1;
    return x;
  }

  private static Map<String, Double> weights(
      List<String> components, Map<String, Double> coefficients, Map<String, Double> served) {
    Map<String, Double> raw = new LinkedHashMap<>();
    double servedTotal = 0;
    double rawTotal = 0;
    for (String component : components) {
      double before = served.getOrDefault(WeightNames.configured(component), 0.0);
      double after = before > 0 ? Math.max(0, coefficients.getOrDefault(component, 0.0)) : 0;
      raw.put(WeightNames.configured(component), after);
      servedTotal += before;
      rawTotal += after;
    }
    if (rawTotal == 0) {
      throw new IllegalStateException("every component's coefficient came out 0 or below");
    }
    Map<String, Double> weights = new LinkedHashMap<>(served);
    double scale = servedTotal / rawTotal;
    raw.forEach((name, value) -> weights.put(name, Math.round(value * scale * 1000) / 1000.0));
    return weights;
  }

  /**
   * DCG@10 of the list ordered by its points with each component's times its ratio (1 where none is
   * given), ties in the served order; a positive's gain is one over the chance its served rank was
   * looked at. Not normalised by the list's ideal: that would weigh lists by where their outcomes
   * happened to be served, and the served order's favourites with them.
   */
  static double dcg(List<Labelled> list, Map<String, Double> ratios, double[] lookedAt) {
    List<Labelled> ordered = ordered(list, ratios);
    double dcg = 0;
    for (int position = 0; position < Math.min(CUTOFF, ordered.size()); position++) {
      Labelled result = ordered.get(position);
      double gain = result.positive() ? 1 / lookedAt[bucket(result.rank())] : 0;
      dcg += gain / (Math.log(position + 2) / Math.log(2));
    }
    return dcg;
  }

  /**
   * The list ordered by its points with each component's times its ratio (1 where none is given),
   * ties in the served order.
   */
  static List<Labelled> ordered(List<Labelled> list, Map<String, Double> ratios) {
    List<Labelled> ordered = new ArrayList<>(list);
    ordered.sort(
        Comparator.comparingDouble((Labelled r) -> -score(r, ratios))
            .thenComparingInt(Labelled::rank));
    return ordered;
  }

  /** Each fitted component's weight over the weight it was served with. */
  static Map<String, Double> ratios(
      List<String> components, Map<String, Double> fitted, Map<String, Double> served) {
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (String component : components) {
      double before = served.getOrDefault(WeightNames.configured(component), 0.0);
      ratios.put(
          component,
          before > 0 ? fitted.getOrDefault(WeightNames.configured(component), 0.0) / before : 0);
    }
    return ratios;
  }

  private static double score(Labelled result, Map<String, Double> ratios) {
    double score = 0;
    for (Map.Entry<String, Double> point : result.points().entrySet()) {
      if (!point.getKey().equals(TIEBREAK)) {
        score += ratios.getOrDefault(point.getKey(), 1.0) * point.getValue();
      }
    }
    return score;
  }
}
