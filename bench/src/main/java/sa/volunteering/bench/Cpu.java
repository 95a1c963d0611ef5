package sa.volunteering.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CPU time spent so far, in seconds: by this JVM (the service and the suite's own client), and by
 * every Elasticsearch node.
 */
public final class Cpu {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Cpu() {}

  public static double service() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  public static double elasticsearch(HttpClient http, String elasticsearch) throws Exception {
    String body = Http.send(http, "GET", elasticsearch + "/_nodes/stats/process", null);
    double seconds = 0;
    for (JsonNode node : JSON.readTree(body).path("nodes")) {
      seconds += node.path("process").path("cpu").path("total_in_millis").asLong() / 1000.0;
    }
    return seconds;
  }
}
