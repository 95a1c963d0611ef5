package sa.volunteering.matching.stats;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.system.bench.BenchmarkCommands;

/** {@code bin/bench-stats}: the indicators benchmark of docs/benchmarks.md; prints its figures and exits. */
@Component
class StatsBenchmarkCommand implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StatsBenchmarkCommand.class);

  private final StatsBenchmark benchmark;
  private final Environment environment;
  private final ConfigurableApplicationContext context;

  StatsBenchmarkCommand(StatsBenchmark benchmark, Environment environment, ConfigurableApplicationContext context) {
    this.benchmark = benchmark;
    this.environment = environment;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments arguments) throws Exception {
    if (!arguments.containsOption("bench-stats")) {
      return;
    }
    List<String> report = benchmark.run(BenchmarkCommands.service(environment), BenchmarkCommands.option(arguments, "concurrency", 4),
        BenchmarkCommands.option(arguments, "requests", 200), BenchmarkCommands.option(arguments, "writes", 2_000));
    BenchmarkCommands.finish(log, "Indicators benchmark", report, context);
  }
}
