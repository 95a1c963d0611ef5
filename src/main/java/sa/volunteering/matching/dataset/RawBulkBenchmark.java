package sa.volunteering.matching.dataset;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.search.index.IndexDefinition;
import sa.volunteering.matching.search.index.IndexDefinitions;
import sa.volunteering.matching.taxonomy.Taxonomy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The yardstick for the import: the same public opportunities of a data set, turned into the same
 * documents straight from the file and sent to a scratch index with plain {@code _bulk} requests of the
 * same size, one at a time like the reindex. What a client could do with Elasticsearch alone.
 */
@Component
public class RawBulkBenchmark {

  private final ElasticsearchClient client;
  private final IndexDefinitions definitions;
  private final Taxonomy taxonomy;
  private final JsonMapper json;

  RawBulkBenchmark(ElasticsearchClient client, IndexDefinitions definitions, Taxonomy taxonomy, JsonMapper json) {
    this.client = client;
    this.definitions = definitions;
    this.taxonomy = taxonomy;
    this.json = json;
  }

  /** Loads the file's public opportunities into a fresh scratch index; returns documents per second. */
  public double opportunities(Path file, int batchSize) throws IOException {
    IndexDefinition definition = definitions.all().stream().filter(d -> d.name().equals("opportunities")).findFirst().orElseThrow();
    String index = "raw-bulk-benchmark-" + System.currentTimeMillis();
    client.indices().create(c -> c.index(index).withJson(new java.io.StringReader(definition.createBody(json, 0, true, null))));
    long documents = 0;
    long started = System.nanoTime();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<BulkOperation> batch = new ArrayList<>(batchSize);
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = json.readTree(line);
        if (node.path("status").asString().equals("draft")) {
          continue;
        }
        Map<String, Object> document = document(node);
        String id = node.path("id").asString();
        batch.add(BulkOperation.of(op -> op.index(i -> i.index(index).id(id).version(1L)
            .versionType(co.elastic.clients.elasticsearch._types.VersionType.ExternalGte).document(document))));
        if (batch.size() == batchSize) {
          documents += send(batch);
        }
      }
      documents += send(batch);
    } finally {
      double seconds = (System.nanoTime() - started) / 1e9;
      client.indices().delete(d -> d.index(index));
      if (documents > 0) {
        return documents / seconds;
      }
    }
    return 0;
  }

  private long send(List<BulkOperation> batch) throws IOException {
    if (batch.isEmpty()) {
      return 0;
    }
    BulkResponse response = client.bulk(b -> b.operations(batch));
    if (response.errors()) {
      throw new IllegalStateException("raw bulk load failed: " + response.items().stream().filter(item -> item.error() != null).findFirst());
    }
    int size = batch.size();
    batch.clear();
    return size;
  }

  private Map<String, Object> document(JsonNode node) {
    String city = node.path("cityCode").asString();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", node.path("id").asString());
    document.put("title", node.path("titleEn").isNull() ? node.path("titleAr").asString() : node.path("titleAr").asString() + "\n" + node.path("titleEn").asString());
    document.put("description", node.path("descriptionAr").asString());
    document.put("organization", Map.of("id", node.path("organizationId").asString(), "name", "", "verified", true));
    document.put("field_code", node.path("fieldCode").asString());
    List<Object> skills = new ArrayList<>();
    List<Object> codes = new ArrayList<>();
    node.path("requiredSkills").forEach(skill -> {
      skills.add(Map.of("code", skill.path("code").asString(), "weight", skill.path("weight").asDouble()));
      codes.add(skill.path("code").asString());
    });
    document.put("skill_codes", codes);
    document.put("required_skills", skills);
    document.put("city_code", city);
    taxonomy.cities().byCode(city).ifPresent(c -> {
      document.put("region_code", c.region());
      document.put("city_name", List.of(c.ar(), c.en()));
    });
    document.put("location", Map.of("lat", node.path("lat").asDouble(), "lon", node.path("lon").asDouble()));
    document.put("mode", node.path("mode").asString());
    document.put("starts_at", node.path("startsAt").asString());
    document.put("ends_at", node.path("endsAt").asString());
    document.put("hours", node.path("hours").asDouble());
    document.put("seats_total", node.path("seats").asInt());
    document.put("seats_left", node.path("seats").asInt() - node.path("seatsTaken").asInt());
    document.put("gender", node.path("gender").asString());
    document.put("status", node.path("status").asString());
    document.put("updated_at", node.path("startsAt").asString());
    return document;
  }
}
