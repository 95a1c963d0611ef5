package sa.volunteering.matching.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No index can hold a volunteer's identity: the mappings are strict (a document with a field they
 * do not name is refused), and they name no name, phone, e-mail, national ID or birth date.
 */
class IndexedFieldsTest {

  private static final Set<String> PERSONAL =
      Set.of(
          "full_name",
          "fullname",
          "first_name",
          "last_name",
          "phone",
          "mobile",
          "email",
          "national_id",
          "national_id_hash",
          "birth_date",
          "birthdate",
          "address");

  @Test
  void mappingsAreStrictAndNameNoPersonalField() throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    for (String index : List.of("opportunities", "volunteers")) {
      JsonNode mappings =
          json.readTree(Files.readString(Path.of("index-mappings", index + ".json")))
              .path("mappings");
      assertThat(mappings.path("dynamic").asString()).as(index).isEqualTo("strict");
      List<String> fields = new ArrayList<>();
      collect(mappings.path("properties"), "", fields);
      assertThat(fields)
          .as(index)
          .isNotEmpty()
          .noneMatch(field -> PERSONAL.contains(field.substring(field.lastIndexOf('.') + 1)));
    }
  }

  private static void collect(JsonNode properties, String prefix, List<String> fields) {
    properties
        .properties()
        .forEach(
            entry -> {
              fields.add(prefix + entry.getKey());
              collect(entry.getValue().path("properties"), prefix + entry.getKey() + ".", fields);
            });
  }
}
