package sa.volunteering.tools.behaviour;

/**
 * The chance that a reader looks at the result at rank r, as a power law: r^-exponent, 1 at the
 * top. One parameter for all ranks: fitted per rank instead, a few hundred lists left each rank's
 * chance too noisy to weigh outcomes by (the chance at rank 10 came out anywhere from 0.10 to 0.30
 * for data drawn at 0.16).
 */
final class PositionBias {

  private static final double MOST = 4;

  private PositionBias() {}

  /** The chance of being looked at by rank bucket ({@link WeightFit#bucket}). */
  static double[] chances(double exponent) {
    double[] chances = new double[WeightFit.RANKS];
    for (int r = 0; r < WeightFit.RANKS; r++) {
      chances[r] = Math.pow(r + 1, -exponent);
    }
    return chances;
  }

  /**
   * The exponent under which {@code looked[r]} of {@code shown[r]} results at each rank bucket were
   * looked at is most likely (the expected counts an EM round gives): the maximum of a concave
   * function on [0, 4], by golden-section search.
   */
  static double exponent(double[] looked, double[] shown) {
    double low = 0;
    double high = MOST;
    double ratio = (Math.sqrt(5) - 1) / 2;
    double a = high - ratio * (high - low);
    double b = low + ratio * (high - low);
    double fa = likelihood(a, looked, shown);
    double fb = likelihood(b, looked, shown);
    while (high - low > 1e-6) {
      if (fa < fb) {
        low = a;
        a = b;
        fa = fb;
        b = low + ratio * (high - low);
        fb = likelihood(b, looked, shown);
      } else {
        high = b;
        b = a;
        fb = fa;
        a = high - ratio * (high - low);
        fa = likelihood(a, looked, shown);
      }
    }
    return (low + high) / 2;
  }

  private static double likelihood(double exponent, double[] looked, double[] shown) {
    double sum = 0;
    for (int r = 1; r < looked.length; r++) {
      double logChance = -exponent * Math.log(r + 1);
      double missed = Math.max(shown[r] - looked[r], 0);
      sum += looked[r] * logChance + missed * Math.log1p(-Math.exp(logChance));
    }
    return sum;
  }
}
