package sa.volunteering.matching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import sa.volunteering.matching.support.ResponseScanner;

/**
 * Runs after every other integration test (its own Failsafe execution) and judges what {@link
 * ResponseScanner} read in all of them: no national ID, phone number, e-mail address or registered
 * name in any response but those of the endpoints allowed to return them.
 */
class PersonalDataScanIT {

  @Test
  void noResponseOfTheWholeRunCarriesPersonalDataWhereItMayNot() throws IOException {
    long responses = 0;
    long bytes = 0;
    List<String> findings = new ArrayList<>();
    try (Stream<Path> files = Files.list(ResponseScanner.DIRECTORY)) {
      for (Path file : files.sorted().toList()) {
        if (file.getFileName().toString().startsWith("count-")) {
          String[] counts = Files.readString(file).trim().split(" ");
          responses += Long.parseLong(counts[0]);
          bytes += Long.parseLong(counts[1]);
        } else {
          findings.addAll(Files.readAllLines(file));
        }
      }
    }
    System.out.printf(
        "personal-data scan: %d responses, %.1f MB read, %d findings%n",
        responses, bytes / 1e6, findings.size());
    findings.stream().limit(50).forEach(finding -> System.out.println("  " + finding));
    assertThat(responses).as("the rest of the suite ran and was scanned").isGreaterThan(3_000);
    assertThat(findings).isEmpty();
  }
}
