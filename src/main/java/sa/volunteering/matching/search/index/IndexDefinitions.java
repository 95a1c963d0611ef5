package sa.volunteering.matching.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the index definitions once, at start-up. */
@Component
public class IndexDefinitions {

  private final List<IndexDefinition> definitions;

  IndexDefinitions(SearchIndexProperties properties, ResourceLoader resources, JsonMapper json) {
    this.definitions =
        properties.names().stream()
            .map(
                name ->
                    read(
                        name,
                        resources.getResource(properties.mappingsLocation() + name + ".json"),
                        json))
            .toList();
  }

  public List<IndexDefinition> all() {
    return definitions;
  }

  private static IndexDefinition read(String name, Resource resource, JsonMapper json) {
    if (!resource.exists()) {
      throw new IllegalStateException(
          "No definition for index '"
              + name
              + "': "
              + resource.getDescription()
              + " does not exist");
    }
    try {
      String content = resource.getContentAsString(StandardCharsets.UTF_8);
      JsonNode version =
          json.readTree(content).path("mappings").path("_meta").path("mapping_version");
      if (!version.canConvertToInt() || version.asInt() < 1) {
        throw new IllegalStateException(
            resource.getDescription()
                + " needs mappings._meta.mapping_version, a positive integer");
      }
      return IndexDefinition.of(name, content, version.asInt());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
    }
  }
}
