package sa.volunteering.matching.match;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.system.bench.BenchmarkCommands;

/** {@code bin/bench-match}: the matching benchmark of docs/benchmarks.md; prints its figures and exits. */
@Component
class MatchBenchmarkCommand implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(MatchBenchmarkCommand.class);

  private final MatchBenchmark benchmark;
  private final Environment environment;
  private final ConfigurableApplicationContext context;

  MatchBenchmarkCommand(MatchBenchmark benchmark, Environment environment, ConfigurableApplicationContext context) {
    this.benchmark = benchmark;
    this.environment = environment;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments arguments) throws Exception {
    if (!arguments.containsOption("bench-match")) {
      return;
    }
    List<String> report = benchmark.run(BenchmarkCommands.service(environment), BenchmarkCommands.elasticsearch(environment),
        BenchmarkCommands.option(arguments, "concurrency", 8), BenchmarkCommands.option(arguments, "requests", 1_000),
        BenchmarkCommands.option(arguments, "publications", 10));
    BenchmarkCommands.finish(log, "Matching benchmark", report, context);
  }
}
