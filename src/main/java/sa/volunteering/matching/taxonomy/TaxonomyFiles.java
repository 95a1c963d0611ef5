package sa.volunteering.matching.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The taxonomy shipped in {@code taxonomy/*.json} on the class path; a broken file is an error
 * naming it.
 */
public final class TaxonomyFiles {

  private TaxonomyFiles() {}

  public static Taxonomy read(JsonMapper json) {
    JsonNode cities = read(json, "cities.json");
    return new Taxonomy(
        list(json, read(json, "fields.json").get("fields"), new TypeReference<List<Field>>() {}),
        list(json, read(json, "skills.json").get("skills"), new TypeReference<List<Skill>>() {}),
        list(json, cities.get("regions"), new TypeReference<List<Region>>() {}),
        list(json, cities.get("cities"), new TypeReference<List<City>>() {}));
  }

  private static JsonNode read(JsonMapper json, String file) {
    try (InputStream in = new ClassPathResource("taxonomy/" + file).getInputStream()) {
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read taxonomy/" + file, e);
    }
  }

  private static <T> List<T> list(JsonMapper json, JsonNode node, TypeReference<List<T>> type) {
    return json.readerFor(type).readValue(node);
  }
}
