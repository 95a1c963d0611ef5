package sa.volunteering.tools.behaviour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import sa.volunteering.matching.match.MatchingProperties;
import sa.volunteering.tools.CommandLine;
import sa.volunteering.tools.Options;

/**
 * {@code bin/dataset simulate}: plays volunteers and organizations on the lists served since a time
 * (the last 30 days by default); {@code bin/dataset fit FILE}: fits the weights to the impressions
 * and outcomes since that time and writes them as a configuration file for {@code bin/run
 * --spring.config.import=file:FILE}.
 */
@Component
public class BehaviourCommands {

  private static final Logger log = LoggerFactory.getLogger(BehaviourCommands.class);

  private final BehaviourSimulator simulator;
  private final LabelledImpressions impressions;
  private final MatchingProperties matching;

  BehaviourCommands(
      BehaviourSimulator simulator, LabelledImpressions impressions, MatchingProperties matching) {
    this.simulator = simulator;
    this.impressions = impressions;
    this.matching = matching;
  }

  public int simulate(ApplicationArguments arguments) {
    Instant since = since(arguments);
    if (since == null) {
      return 2;
    }
    BehaviourSimulator.Tally tally =
        Objects.requireNonNull(
            CommandLine.await(simulator.run(since, Options.number(arguments, "seed", 1))));
    log.info("Simulated the lists shown since {}: {}", since, tally);
    return 0;
  }

  public int fit(ApplicationArguments arguments, String file) {
    Instant since = since(arguments);
    if (since == null) {
      return 2;
    }
    double holdout = Options.decimal(arguments, "holdout", 0.2);
    if (!(holdout > 0 && holdout < 1)) {
      log.error("--holdout is the share of lists held out to judge the fit, above 0 and below 1");
      return 2;
    }
    WeightFit.Result result;
    try {
      result = CommandLine.await(fitted(since, holdout, Options.number(arguments, "seed", 1)));
    } catch (IllegalArgumentException | IllegalStateException e) {
      log.error("Cannot fit the weights to what was shown since {}: {}", since, e.getMessage());
      return 1;
    }
    Objects.requireNonNull(result);
    try {
      Files.writeString(Path.of(file), FittedWeightsFile.yaml(result, since));
    } catch (IOException e) {
      log.error("Cannot write {}: {}", file, e.getMessage());
      return 1;
    }
    log.info("Wrote {}:\n{}", file, FittedWeightsFile.summary(result));
    return 0;
  }

  /** The fit of the impressions since a time, judged on the held-out share of their lists. */
  public Mono<WeightFit.Result> fitted(Instant since, double holdout, long seed) {
    Map<String, Double> matches = WeightNames.of(matching.weights());
    MatchingProperties.Weights ranking = matching.candidateWeights();
    Map<String, Double> candidates = ranking == null ? matches : WeightNames.of(ranking);
    return impressions
        .since(since)
        .collectList()
        // seconds of arithmetic, off the database driver's threads
        .publishOn(Schedulers.parallel())
        .map(results -> WeightFit.fit(results, matches, candidates, holdout, seed));
  }

  /** {@code --since}, 30 days ago when not given; null, said why, when it is not an instant. */
  static @Nullable Instant since(ApplicationArguments arguments) {
    String since = Options.text(arguments, "since", "");
    if (since.isEmpty()) {
      return Instant.now().minus(Duration.ofDays(30));
    }
    try {
      return Instant.parse(since);
    } catch (DateTimeParseException e) {
      log.error("--since is an instant in UTC, such as 2026-12-01T00:00:00Z, not {}", since);
      return null;
    }
  }
}
