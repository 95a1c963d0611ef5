package sa.volunteering.matching.system.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CPU time spent so far, in seconds: by this JVM (the service and the suite's own client), and by every Elasticsearch node. */
public final class Cpu {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Cpu() {}

  public static double service() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  public static double elasticsearch(HttpClient http, String elasticsearch) throws Exception {
    String body = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/_nodes/stats/process")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    double seconds = 0;
    for (JsonNode node : JSON.readTree(body).path("nodes")) {
      seconds += node.path("process").path("cpu").path("total_in_millis").asLong() / 1000.0;
    }
    return seconds;
  }
}
