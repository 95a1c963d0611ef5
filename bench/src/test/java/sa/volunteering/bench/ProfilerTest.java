package sa.volunteering.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilerTest {

  @Test
  void withoutADirectoryTheWorkRunsUnprofiled(@TempDir Path directory) throws Exception {
    Profiler off = new Profiler("", "cpu");
    assertThat(off.on()).isFalse();
    assertThat(off.during("nothing", () -> 42)).isEqualTo(42);
    try (var files = Files.list(directory)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aProfiledRunLeavesAFlameGraphOfWhatRanNamedAfterIt(@TempDir Path directory)
      throws Exception {
    Profiler profiler = new Profiler(directory.toString(), "itimer");
    long sum = profiler.during("A volunteer's matches at 10 req per s", ProfilerTest::busy);
    assertThat(sum).isPositive();
    Path graph = directory.resolve("a-volunteer-s-matches-at-10-req-per-s-itimer.html");
    assertThat(graph).exists();
    String html = Files.readString(graph);
    assertThat(html)
        .as("a flame graph whose frames (names stored by shared prefixes) include the work's")
        .contains("const cpool")
        .contains("busy");
  }

  @Test
  void anEventItCannotSampleIsRefusedByName() {
    assertThatThrownBy(() -> new Profiler("/tmp", "cache-misses"))
        .hasMessageContaining("--profile-event");
  }

  private static long busy() {
    long sum = 0;
    long until = System.nanoTime() + 300_000_000L;
    while (System.nanoTime() < until) {
      for (int i = 0; i < 100_000; i++) {
        sum += Long.numberOfTrailingZeros(i ^ sum) + 1;
      }
    }
    return sum;
  }
}
