package sa.volunteering.matching.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sa.volunteering.matching.security.TokenIssuer;

/**
 * The packaged service ({@code target/opportunity-matching-*-exec.jar}, what runs in production)
 * holds only the product: no class of the benchmark or tools modules, no benchmark harness left
 * behind, no HdrHistogram, no way to mint an administrator's token (decision 0021). Runs after
 * {@code package}, like every integration test.
 */
class ServiceArtifactIT {

  private static List<String> entries = List.of();

  @BeforeAll
  static void listTheJar() throws IOException {
    try (DirectoryStream<Path> jars =
            Files.newDirectoryStream(Path.of("target"), "opportunity-matching-*-exec.jar");
        JarFile jar = new JarFile(jars.iterator().next().toFile())) {
      entries = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
    }
    assertThat(entries)
        .as("the runnable jar holds the service")
        .contains("BOOT-INF/classes/sa/volunteering/matching/OpportunityMatchingApplication.class");
  }

  @Test
  void noClassOfTheBenchmarkOrTheTools() {
    assertThat(entries)
        .noneMatch(name -> name.startsWith("BOOT-INF/classes/sa/volunteering/bench/"))
        .noneMatch(name -> name.startsWith("BOOT-INF/classes/sa/volunteering/tools/"))
        .noneMatch(name -> name.matches("BOOT-INF/lib/opportunity-matching-(tools|bench).*"));
    List<String> harness = new ArrayList<>();
    for (String name : entries) {
      if (name.startsWith("BOOT-INF/classes/")
          && name.matches(
              ".*/([A-Za-z]*(Benchmark|Measurement)|(Open)?Load|DatasetGenerator|DatasetImporter)(\\$[A-Za-z0-9$]*)?\\.class")) {
        harness.add(name);
      }
    }
    assertThat(harness).as("benchmark harness, load generators, data set tools").isEmpty();
  }

  @Test
  void noHdrHistogram() {
    assertThat(entries).noneMatch(name -> name.toLowerCase().contains("hdrhistogram"));
  }

  @Test
  void theServiceMintsNoAdministratorToken() {
    assertThat(
            Arrays.stream(TokenIssuer.class.getDeclaredMethods())
                .filter(method -> !method.isSynthetic())
                .map(Method::getName))
        .containsOnly("volunteer", "member", "sign");
  }
}
