package sa.volunteering.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import one.profiler.AsyncProfiler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Flame graphs of this process (the service and the load's client share it, decision 0018) while a
 * measured load runs: {@code bin/bench --profile=DIR [--profile-event=cpu|wall|alloc|itimer]}
 * writes one HTML flame graph per profiled run into DIR. Without {@code --profile} nothing is
 * loaded and the run is measured as it is.
 */
@Component
public class Profiler {

  private static final Logger log = LoggerFactory.getLogger(Profiler.class);

  private final @Nullable Path directory;
  private final String event;

  Profiler(@Value("${profile:}") String directory, @Value("${profile-event:cpu}") String event) {
    this.directory = directory.isBlank() ? null : Path.of(directory);
    this.event = event;
    if (!event.matches("cpu|wall|alloc|itimer")) {
      throw new IllegalArgumentException(
          "--profile-event must be cpu, wall, alloc or itimer, not " + event);
    }
  }

  /** Runs {@code work}, profiled into {@code DIR/<name>-<event>.html} when profiling is on. */
  public <T> T during(String name, Callable<T> work) throws Exception {
    if (directory == null) {
      return work.call();
    }
    Files.createDirectories(directory);
    Path file = directory.resolve(fileName(name) + "-" + event + ".html");
    AsyncProfiler profiler = AsyncProfiler.getInstance();
    profiler.execute(start());
    try {
      return work.call();
    } finally {
      profiler.execute("stop,file=" + file.toAbsolutePath());
      log.info("profile of {} ({}) written to {}", name, event, file);
    }
  }

  private String start() {
    return switch (event) {
      case "wall" -> "start,event=wall,interval=5ms";
      case "alloc" -> "start,event=alloc";
      default -> "start,event=" + event + ",interval=1ms";
    };
  }

  static String fileName(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** Whether profiles are being written (figures of such a run carry the profiler's cost). */
  public boolean on() {
    return directory != null;
  }
}
