package sa.volunteering.matching.system.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** What the benchmark commands share: their options, where the service and Elasticsearch are, how they end. */
public final class BenchmarkCommands {

  /** How long the tokens of a benchmark command are valid: longer than any run. */
  public static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

  private BenchmarkCommands() {}

  public static int option(ApplicationArguments arguments, String name, int fallback) {
    return Integer.parseInt(text(arguments, name, String.valueOf(fallback)));
  }

  /** This process's own web server: the benchmarks run inside the service they measure. */
  public static String service(Environment environment) {
    return "http://127.0.0.1:" + environment.getProperty("local.server.port");
  }

  public static String elasticsearch(Environment environment) {
    return environment.getProperty("spring.elasticsearch.uris", "http://127.0.0.1:9200").split(",")[0].strip();
  }

  /** A command's text option, or the fallback. */
  public static String text(ApplicationArguments arguments, String name, String fallback) {
    List<String> values = arguments.getOptionValues(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }

  public static HttpRequest get(String url, @Nullable String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.build();
  }

  /** A JSON request that must succeed: the answer's body, or an error naming the request and the answer. */
  public static String send(HttpClient http, String method, String url, @Nullable String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").timeout(Duration.ofMinutes(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** Prints the report, logs it, and exits the process. */
  public static void finish(Logger log, String title, List<String> report, ConfigurableApplicationContext context) {
    String text = String.join("\n", report);
    log.info("{}\n{}", title, text);
    System.out.println(text);
    System.exit(SpringApplication.exit(context, () -> 0));
  }
}
