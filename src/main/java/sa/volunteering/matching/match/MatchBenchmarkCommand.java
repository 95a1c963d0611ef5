package sa.volunteering.matching.match;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

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
    String service = "http://127.0.0.1:" + environment.getProperty("local.server.port");
    String elasticsearch = environment.getProperty("spring.elasticsearch.uris", "http://127.0.0.1:9200").split(",")[0].strip();
    List<String> report = benchmark.run(service, elasticsearch, option(arguments, "concurrency", 8), option(arguments, "requests", 1_000),
        option(arguments, "publications", 10));
    String text = String.join("\n", report);
    log.info("Matching benchmark\n{}", text);
    System.out.println(text);
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  private static int option(ApplicationArguments arguments, String name, int fallback) {
    List<String> values = arguments.getOptionValues(name);
    return values == null || values.isEmpty() ? fallback : Integer.parseInt(values.get(0));
  }
}
