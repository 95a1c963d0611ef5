package sa.volunteering.bench.importing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.indexing.IndexDocuments;
import sa.volunteering.matching.search.index.IndexDefinition;
import sa.volunteering.matching.search.index.IndexDefinitions;
import sa.volunteering.matching.taxonomy.Taxonomy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The yardstick for the import: the same public opportunities of a data set, turned into the same
 * documents (by the service's own {@link IndexDocuments}) straight from the file, and sent to a
 * scratch index with plain {@code _bulk} requests of the same size, one at a time like the reindex.
 * What a client could do with Elasticsearch alone.
 */
@Component
public class RawBulkBenchmark {

  private final ElasticsearchClient client;
  private final IndexDefinitions definitions;
  private final IndexDocuments builder;
  private final JsonMapper json;

  RawBulkBenchmark(
      ElasticsearchClient client,
      IndexDefinitions definitions,
      Taxonomy taxonomy,
      JsonMapper json) {
    this.client = client;
    this.definitions = definitions;
    this.builder = new IndexDocuments(taxonomy);
    this.json = json;
  }

  /**
   * The data set's organizations by id: the documents carry their names, as the reindex's join
   * gives them.
   */
  private Map<String, JsonNode> organizations(Path file) throws IOException {
    Map<String, JsonNode> byId = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonNode organization = json.readTree(line);
        byId.put(organization.path("id").asString(), organization);
      }
    }
    return byId;
  }

  /**
   * Loads the file's public opportunities into a fresh scratch index; returns documents per second.
   */
  public double opportunities(Path file, int batchSize) throws IOException {
    IndexDefinition definition =
        definitions.all().stream()
            .filter(d -> d.name().equals("opportunities"))
            .findFirst()
            .orElseThrow();
    String index = "raw-bulk-benchmark-" + System.currentTimeMillis();
    client
        .indices()
        .create(
            c ->
                c.index(index)
                    .withJson(
                        new java.io.StringReader(definition.createBody(json, 0, true, null))));
    Map<String, JsonNode> organizations =
        organizations(file.resolveSibling("organizations.ndjson"));
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
        Map<String, Object> document =
            builder.opportunity(
                new FileRow(node, organizations.get(node.path("organizationId").asString())),
                FileRow.skills(node));
        String id = node.path("id").asString();
        batch.add(
            BulkOperation.of(
                op ->
                    op.index(
                        i ->
                            i.index(index)
                                .id(id)
                                .version(1L)
                                .versionType(
                                    co.elastic.clients.elasticsearch._types.VersionType.ExternalGte)
                                .document(document))));
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
      throw new IllegalStateException(
          "raw bulk load failed: "
              + response.items().stream().filter(item -> item.error() != null).findFirst());
    }
    int size = batch.size();
    batch.clear();
    return size;
  }
}
