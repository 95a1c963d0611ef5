package sa.volunteering.matching.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's package; {@code bin/test} installs it) started from the repository's own
 * configuration, {@code deploy/haproxy/haproxy.cfg}, in front of three service instances on
 * loopback: what {@code bin/cluster} runs, on ports of this test's own. Its output goes to {@code
 * target/haproxy-<port>.log}.
 */
public final class Balancer implements AutoCloseable {

  private static final Path CONFIG = Path.of("deploy", "haproxy", "haproxy.cfg");
  private static final Path BINARY =
      Path.of(System.getenv().getOrDefault("HAPROXY_BINARY", "/usr/sbin/haproxy"));

  private final Process process;
  private final int port;
  private final int statsPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private Balancer(Process process, int port, int statsPort) {
    this.process = process;
    this.port = port;
    this.statsPort = statsPort;
  }

  /** Starts it in front of the instances on these three ports, named service-1 to service-3. */
  public static Balancer start(List<Integer> instancePorts) throws IOException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          "no HAProxy at "
              + BINARY
              + ": bin/test installs Debian's package (apt-get install haproxy)");
    }
    if (instancePorts.size() != 3) {
      throw new IllegalArgumentException("the configuration names three instances");
    }
    int port = freePort();
    int statsPort = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(BINARY.toString(), "-db", "-f", CONFIG.toString())
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "haproxy-" + port + ".log").toFile());
    Map<String, String> environment = builder.environment();
    environment.put("BALANCER_BIND", "127.0.0.1:" + port);
    environment.put("BALANCER_STATS_BIND", "127.0.0.1:" + statsPort);
    for (int i = 0; i < 3; i++) {
      environment.put("SERVICE_" + (i + 1), "127.0.0.1:" + instancePorts.get(i));
    }
    Balancer balancer = new Balancer(builder.start(), port, statsPort);
    for (int i = 0; i < 3; i++) {
      balancer.awaitState(i, "UP", Duration.ofSeconds(30));
    }
    return balancer;
  }

  public int port() {
    return port;
  }

  /** The name under which the balancer knows the instance at this index (0-2). */
  public static String server(int index) {
    return "service-" + (index + 1);
  }

  /** The index (0-2) of the instance a response came from, by its {@code X-Served-By} header. */
  public static int index(String servedBy) {
    return Integer.parseInt(servedBy.substring("service-".length())) - 1;
  }

  /** What the balancer's checks say of an instance now: UP, DOWN, or a transition. */
  public String state(int index) throws IOException, InterruptedException {
    String csv =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    for (String line : csv.split("\n")) {
      String[] columns = line.split(",", -1);
      if (columns.length > 17 && columns[0].equals("service") && columns[1].equals(server(index))) {
        return columns[17];
      }
    }
    throw new IllegalStateException("the balancer does not list " + server(index) + ":\n" + csv);
  }

  public void awaitState(int index, String state, Duration timeout) {
    await(server(index) + " " + state + " at the balancer")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> state.equals(state(index)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
