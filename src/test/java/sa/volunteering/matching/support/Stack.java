package sa.volunteering.matching.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project's {@code bin/stack}, run by fault tests to break and mend the real processes: kill
 * Elasticsearch, restart PostgreSQL, run a three-node cluster. Its output goes to the test's
 * output; a failing command fails the test.
 */
public final class Stack {

  private static final Path SCRIPT = Path.of(System.getProperty("stack.script", "bin/stack"));

  private Stack() {}

  /** Runs {@code bin/stack <arguments>} and returns how long it took, in milliseconds. */
  public static long run(String... arguments) {
    if (!Files.isExecutable(SCRIPT)) {
      throw new IllegalStateException(
          "fault tests need " + SCRIPT.toAbsolutePath() + " (run them from the project directory)");
    }
    List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(List.of(arguments));
    long started = System.nanoTime();
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish within 5 minutes");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed with exit code " + process.exitValue());
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
