package sa.volunteering.matching.system.bench;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** {@code bin/bench [--scale=full|small] [--report=docs/benchmarks.md] [--dataset=DIR]}: the whole benchmark suite, then exits. */
@Component
class BenchmarkSuiteCommand implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BenchmarkSuiteCommand.class);

  private final BenchmarkSuite suite;
  private final ConfigurableApplicationContext context;

  BenchmarkSuiteCommand(BenchmarkSuite suite, ConfigurableApplicationContext context) {
    this.suite = suite;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments arguments) throws Exception {
    if (!arguments.containsOption("bench-suite")) {
      return;
    }
    String scale = BenchmarkCommands.text(arguments, "scale", "full");
    Path report = Path.of(BenchmarkCommands.text(arguments, "report", "docs/benchmarks.md"));
    String dataset = BenchmarkCommands.text(arguments, "dataset", "");
    BenchmarkSuite.Outcome outcome = suite.run(Scale.of(scale), report, dataset.isEmpty() ? null : Path.of(dataset), "bin/bench --scale=" + scale);
    System.out.println(outcome.markdown());
    log.info("benchmark report written to {} with {} charts; {} measurements failed", report, outcome.charts().size(), outcome.failures().size());
    outcome.failures().forEach(failure -> log.error("failed: {}", failure));
    outcome.invalid().forEach(section -> log.warn("invalid, not a result (background work or an unsettled stack): {}", section));
    int status = outcome.failures().isEmpty() ? 0 : 1;
    System.exit(SpringApplication.exit(context, () -> status));
  }
}
