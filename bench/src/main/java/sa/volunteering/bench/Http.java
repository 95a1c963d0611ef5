package sa.volunteering.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * What the measurements share: where the service and Elasticsearch are, and plain HTTP requests to
 * them.
 */
public final class Http {

  private Http() {}

  /** This process's own web server: the benchmarks run inside the service they measure. */
  public static String service(Environment environment) {
    return "http://127.0.0.1:" + environment.getProperty("local.server.port");
  }

  public static String elasticsearch(Environment environment) {
    return environment
        .getProperty("spring.elasticsearch.uris", "http://127.0.0.1:9200")
        .split(",")[0]
        .strip();
  }

  public static HttpRequest get(String url, @Nullable String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.build();
  }

  /**
   * A JSON request that must succeed: the answer's body, or an error naming the request and the
   * answer.
   */
  public static String send(HttpClient http, String method, String url, @Nullable String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
