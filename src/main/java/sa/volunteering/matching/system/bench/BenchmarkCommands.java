package sa.volunteering.matching.system.bench;

import java.util.List;
import org.slf4j.Logger;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** What the benchmark commands share: their options, where the service and Elasticsearch are, how they end. */
public final class BenchmarkCommands {

  private BenchmarkCommands() {}

  public static int option(ApplicationArguments arguments, String name, int fallback) {
    List<String> values = arguments.getOptionValues(name);
    return values == null || values.isEmpty() ? fallback : Integer.parseInt(values.get(0));
  }

  /** This process's own web server: the benchmarks run inside the service they measure. */
  public static String service(Environment environment) {
    return "http://127.0.0.1:" + environment.getProperty("local.server.port");
  }

  public static String elasticsearch(Environment environment) {
    return environment.getProperty("spring.elasticsearch.uris", "http://127.0.0.1:9200").split(",")[0].strip();
  }

  /** Prints the report, logs it, and exits the process. */
  public static void finish(Logger log, String title, List<String> report, ConfigurableApplicationContext context) {
    String text = String.join("\n", report);
    log.info("{}\n{}", title, text);
    System.out.println(text);
    System.exit(SpringApplication.exit(context, () -> 0));
  }
}
