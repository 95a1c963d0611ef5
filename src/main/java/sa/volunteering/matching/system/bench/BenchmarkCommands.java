package sa.volunteering.matching.system.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import sa.volunteering.matching.security.SecurityProperties;

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

  /** A token signed with the service's own key, as bin/token makes them; {@code claimsWithoutTimes} lacks its closing brace. */
  public static String token(SecurityProperties security, String claimsWithoutTimes) throws Exception {
    long now = Instant.now().getEpochSecond();
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = base64.encodeToString((claimsWithoutTimes + ",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(security.jwtSecret()), "HmacSHA256"));
    return header + "." + payload + "." + base64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
  }

  public static HttpRequest get(String url, @Nullable String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.build();
  }

  /** Prints the report, logs it, and exits the process. */
  public static void finish(Logger log, String title, List<String> report, ConfigurableApplicationContext context) {
    String text = String.join("\n", report);
    log.info("{}\n{}", title, text);
    System.out.println(text);
    System.exit(SpringApplication.exit(context, () -> 0));
  }
}
