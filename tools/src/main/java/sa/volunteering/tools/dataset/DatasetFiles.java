package sa.volunteering.tools.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes a generated data set as the NDJSON files the importer reads (docs/dataset.md). */
public final class DatasetFiles {

  private DatasetFiles() {}

  public static void write(
      DatasetGenerator generator,
      Path directory,
      long seed,
      int organizations,
      int opportunities,
      int volunteers,
      JsonMapper json) {
    try {
      Files.createDirectories(directory);
      List<Map<String, Object>> orgs = generator.organizations(seed, organizations);
      try (BufferedWriter out =
          Files.newBufferedWriter(
              directory.resolve("organizations.ndjson"), StandardCharsets.UTF_8)) {
        for (Map<String, Object> organization : orgs) {
          line(out, json, organization);
        }
      }
      List<String> ids =
          orgs.stream().map(organization -> (String) organization.get("id")).toList();
      try (BufferedWriter out =
          Files.newBufferedWriter(
              directory.resolve("opportunities.ndjson"), StandardCharsets.UTF_8)) {
        generator.opportunities(
            seed, opportunities, ids, opportunity -> line(out, json, opportunity));
      }
      try (BufferedWriter out =
          Files.newBufferedWriter(directory.resolve("volunteers.ndjson"), StandardCharsets.UTF_8)) {
        generator.volunteers(seed, volunteers, volunteer -> line(out, json, volunteer));
      }
      try (BufferedWriter out =
          Files.newBufferedWriter(
              directory.resolve("applications.ndjson"), StandardCharsets.UTF_8)) {
        generator.applications(seed, volunteers, application -> line(out, json, application));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(BufferedWriter out, JsonMapper json, Map<String, Object> record) {
    try {
      out.write(json.writeValueAsString(record));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
