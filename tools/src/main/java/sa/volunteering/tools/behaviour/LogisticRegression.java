package sa.volunteering.tools.behaviour;

/**
 * Logistic regression by Newton's method with a small ridge penalty (which also keeps the Hessian
 * invertible when a feature never varies): the coefficients maximise the log-likelihood of the
 * labels less {@code ridge / 2} times their squared norm. Dense and in memory: meant for tens of
 * features and up to a few million rows.
 */
public final class LogisticRegression {

  private static final int MAX_ITERATIONS = 50;
  private static final double CONVERGED = 1e-9;

  private LogisticRegression() {}

  /** The coefficients, one per column of {@code rows}. */
  public static double[] fit(double[][] rows, boolean[] labels, double ridge) {
    double[] targets = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      targets[i] = labels[i] ? 1 : 0;
    }
    return fit(rows, targets, ridge, new double[rows.length == 0 ? 0 : rows[0].length]);
  }

  /**
   * The same with a target probability per row instead of a label (the expected label, as an EM
   * step gives it), from the coefficients {@code start}.
   */
  public static double[] fit(double[][] rows, double[] targets, double ridge, double[] start) {
    if (rows.length != targets.length || rows.length == 0) {
      throw new IllegalArgumentException("one target per row, and at least one row");
    }
    int n = rows[0].length;
    double[] beta = start.clone();
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[n];
      double[][] hessian = new double[n][n];
      for (int i = 0; i < rows.length; i++) {
        double[] x = rows[i];
        double p = probability(beta, x);
        double residual = targets[i] - p;
        double curvature = p * (1 - p);
        for (int j = 0; j < n; j++) {
          gradient[j] += residual * x[j];
          double scaled = curvature * x[j];
          for (int k = 0; k <= j; k++) {
            hessian[j][k] += scaled * x[k];
          }
        }
      }
      for (int j = 0; j < n; j++) {
        gradient[j] -= ridge * beta[j];
        hessian[j][j] += ridge;
        for (int k = 0; k < j; k++) {
          hessian[k][j] = hessian[j][k];
        }
      }
      double[] step = solve(hessian, gradient);
      double largest = 0;
      for (int j = 0; j < n; j++) {
        beta[j] += step[j];
        largest = Math.max(largest, Math.abs(step[j]));
      }
      if (largest < CONVERGED) {
        break;
      }
    }
    return beta;
  }

  public static double probability(double[] beta, double[] x) {
    double logit = 0;
    for (int j = 0; j < beta.length; j++) {
      logit += beta[j] * x[j];
    }
    return 1 / (1 + Math.exp(-logit));
  }

  /** Solves {@code a · x = b} by Gaussian elimination with partial pivoting; a is overwritten. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[] x = b.clone();
    for (int column = 0; column < n; column++) {
      int pivot = column;
      for (int row = column + 1; row < n; row++) {
        if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
          pivot = row;
        }
      }
      double[] swapRow = a[column];
      a[column] = a[pivot];
      a[pivot] = swapRow;
      double swap = x[column];
      x[column] = x[pivot];
      x[pivot] = swap;
      for (int row = column + 1; row < n; row++) {
        double factor = a[row][column] / a[column][column];
        for (int k = column; k < n; k++) {
          a[row][k] -= factor * a[column][k];
        }
        x[row] -= factor * x[column];
      }
    }
    for (int row = n - 1; row >= 0; row--) {
      double sum = x[row];
      for (int k = row + 1; k < n; k++) {
        sum -= a[row][k] * x[k];
      }
      x[row] = sum / a[row][row];
    }
    return x;
  }
}
