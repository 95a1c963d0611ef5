package sa.volunteering.matching.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged service ({@code target/opportunity-matching-*-exec.jar}) run as a process of its own
 * against the stack, on this test run's database, indexes and keys, so that a fault test can kill
 * it (SIGKILL) or stop it (SIGTERM) as an orchestrator would. Its output goes to {@code
 * target/service-process-<port>-<started>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;
  private final String[] arguments;
  private long readyMs;

  private ServiceProcess(Process process, int port, Path log, String[] arguments) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.arguments = arguments;
  }

  /**
   * Starts the service with these extra {@code --name=value} arguments and waits until it is ready.
   */
  public static ServiceProcess start(String... arguments) throws IOException, InterruptedException {
    return start(freePort(), arguments);
  }

  /**
   * Starts this stopped or killed instance again, on the same port with the same arguments, as an
   * orchestrator restarts a container behind the same address.
   */
  public ServiceProcess restart() throws IOException, InterruptedException {
    if (process.isAlive()) {
      throw new IllegalStateException("the instance on port " + port + " is still running");
    }
    return start(port, arguments);
  }

  private static ServiceProcess start(int port, String... arguments)
      throws IOException, InterruptedException {
    Path log =
        Path.of("target", "service-process-" + port + "-" + System.currentTimeMillis() + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--management.server.port=0",
                "--spring.r2dbc.url=" + TestDatabase.get().r2dbcUrl(),
                "--spring.r2dbc.username=" + TestDatabase.get().user(),
                "--spring.r2dbc.password=" + TestDatabase.get().password(),
                "--app.search.index.prefix=" + TestEnvironment.PREFIX,
                "--app.security.jwt-secret=" + Tokens.SECRET,
                "--app.security.national-id-key=" + Tokens.NATIONAL_ID_KEY,
                "--app.observability.access-log=false"));
    if (List.of(arguments).stream().noneMatch(a -> a.startsWith("--app.rate-limit.enabled="))) {
      command.add("--app.rate-limit.enabled=false");
    }
    if (List.of(arguments).stream().noneMatch(a -> a.startsWith("--spring.elasticsearch.uris="))) {
      command.add("--spring.elasticsearch.uris=" + TestStack.elasticsearch());
    }
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServiceProcess service = new ServiceProcess(process, port, log, arguments);
    long started = System.nanoTime();
    service.awaitReady(Duration.ofSeconds(120));
    service.readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return service;
  }

  public int port() {
    return port;
  }

  /** How long it took from the process's start to {@code /readyz} answering 200. */
  public long readyMs() {
    return readyMs;
  }

  /** SIGKILL: no shutdown hook, nothing flushed, as a crash or an out-of-memory kill. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * SIGTERM, as an orchestrator stops a container; returns the exit code, or -1 when it had not
   * exited in time.
   */
  public int stop(Duration patience) throws InterruptedException {
    process.destroy();
    return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  public boolean alive() {
    return process.isAlive();
  }

  private void awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest readiness =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(250))
          // not listening yet
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "the service exited with "
                          + process.exitValue()
                          + " during start-up; see "
                          + log.toAbsolutePath());
                }
                return client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode()
                    == 200;
              });
    } catch (ConditionTimeoutException notReady) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "the service was not ready within "
              + timeout.toSeconds()
              + " s; see "
              + log.toAbsolutePath(),
          notReady);
    }
  }

  private static Path jar() throws IOException {
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(Path.of("target"), "opportunity-matching-*-exec.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    }
    throw new IllegalStateException(
        "no target/opportunity-matching-*-exec.jar: fault tests with the service process run after mvn package");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
