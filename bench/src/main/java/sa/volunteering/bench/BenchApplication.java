package sa.volunteering.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import sa.volunteering.matching.OpportunityMatchingApplication;

/**
 * {@code bin/bench [--scale=full|small|smoke] [--report=docs/benchmarks.md] [--dataset=DIR]
 * [--only=MatchBenchmark,CandidateCeiling]}: starts the service in this process (decision 0018: the
 * client and the service share the JVM, so both sides of every comparison pay the same), runs the
 * whole suite against it, writes the report and exits: 0 when every measurement completed, 1
 * otherwise, 2 for arguments it does not understand.
 */
@SpringBootConfiguration
@Import(OpportunityMatchingApplication.class)
@ComponentScan("sa.volunteering.bench")
public class BenchApplication {

  private static final Logger log = LoggerFactory.getLogger(BenchApplication.class);

  public static void main(String[] args) throws Exception {
    DefaultApplicationArguments arguments = new DefaultApplicationArguments(args);
    Scale scale;
    try {
      scale = Scale.of(text(arguments, "scale", "full"));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path report = Path.of(text(arguments, "report", "docs/benchmarks.md"));
    String dataset = text(arguments, "dataset", "");
    String only = text(arguments, "only", "");
    ConfigurableApplicationContext context = SpringApplication.run(BenchApplication.class, args);
    BenchmarkSuite.Outcome outcome =
        context
            .getBean(BenchmarkSuite.class)
            .run(
                scale,
                report,
                dataset.isEmpty() ? null : Path.of(dataset),
                "bin/bench --scale=" + scale.name() + (only.isEmpty() ? "" : " --only=" + only),
                only.isEmpty() ? Set.of() : Set.of(only.split(",")));
    System.out.println(outcome.markdown());
    log.info(
        "benchmark report written to {} with {} charts; {} measurements failed",
        report,
        outcome.charts().size(),
        outcome.failures().size());
    outcome.failures().forEach(failure -> log.error("failed: {}", failure));
    outcome
        .invalid()
        .forEach(
            section ->
                log.warn(
                    "invalid, not a result (background work or an unsettled stack): {}", section));
    int status = outcome.failures().isEmpty() ? 0 : 1;
    System.exit(SpringApplication.exit(context, () -> status));
  }

  private static String text(DefaultApplicationArguments arguments, String name, String fallback) {
    List<String> values = arguments.getOptionValues(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }
}
