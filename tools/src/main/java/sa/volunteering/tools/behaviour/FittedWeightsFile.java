package sa.volunteering.tools.behaviour;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The fitted weights as a configuration file the service loads over its defaults: the matches'
 * weights and the candidates', with what they were fitted on and how they did in comments.
 */
final class FittedWeightsFile {

  private FittedWeightsFile() {}

  static String yaml(WeightFit.Result result, Instant since) {
    StringBuilder file = new StringBuilder();
    file.append("# Matching weights fitted by `bin/dataset fit` at ")
        .append(Instant.now())
        .append(" to the impressions and outcomes since ")
        .append(since)
        .append(" (docs/ranking.md, \"Weights fitted to outcomes\").\n");
    summary(result).lines().forEach(line -> file.append("# ").append(line).append('\n'));
    file.append("# Load with: bin/run --spring.config.import=file:THIS_FILE\n");
    file.append("app:\n  matching:\n");
    block(file, "weights", result.matches().weights());
    block(file, "candidate-weights", result.candidates().weights());
    return file.toString();
  }

  static String summary(WeightFit.Result result) {
    return line("matches", result.matches()) + "\n" + line("candidates", result.candidates());
  }

  private static void block(StringBuilder file, String name, Map<String, Double> weights) {
    file.append("    ").append(name).append(":\n");
    weights.forEach(
        (key, value) ->
            file.append("      ")
                .append(key)
                .append(": ")
                .append(String.format(Locale.ROOT, "%.3f", value))
                .append('\n'));
  }

  private static String line(String name, WeightFit.Direction direction) {
    String shown =
        String.format(
            Locale.ROOT,
            "%s: %d impressions in %d lists, %d with an outcome",
            name,
            direction.impressions(),
            direction.lists(),
            direction.positives());
    if (!direction.fitted()) {
      return shown + "; nothing to learn from: the served weights are kept";
    }
    return shown
        + String.format(
            Locale.ROOT,
            "; %d held-out lists with an outcome: IPS DCG@10 served weights %.4f, fitted %.4f"
                + " (rank 10 looked at %.2f as often as rank 1)",
            direction.judgedLists(),
            direction.servedDcg(),
            direction.fittedDcg(),
            direction.lookedAtRank10());
  }
}
