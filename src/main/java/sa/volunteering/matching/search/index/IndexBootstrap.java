package sa.volunteering.matching.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * At start-up, before the web server accepts requests: creates each missing index behind its alias,
 * refuses to start when an existing one was built from another definition, and sets how long
 * removals are remembered ({@code gc-deletes}). Runs on the main thread, so it uses the blocking
 * client.
 */
@Component
class IndexBootstrap implements SmartInitializingSingleton {

  public static final String CONTENT_SHA256 = "content_sha256";
  private static final Logger log = LoggerFactory.getLogger(IndexBootstrap.class);

  private final ElasticsearchClient client;
  private final IndexDefinitions definitions;
  private final SearchIndexProperties properties;
  private final JsonMapper json;

  IndexBootstrap(
      ElasticsearchClient client,
      IndexDefinitions definitions,
      SearchIndexProperties properties,
      JsonMapper json) {
    this.client = client;
    this.definitions = definitions;
    this.properties = properties;
    this.json = json;
  }

  @Override
  public void afterSingletonsInstantiated() {
    definitions.all().forEach(this::ensure);
  }

  void ensure(IndexDefinition definition) {
    String alias = properties.alias(definition.name());
    try {
      List<String> indexes = indexesBehind(alias);
      if (indexes.isEmpty()) {
        if (!properties.createMissing()) {
          throw new IndexMismatchException(
              "Alias [" + alias + "] does not exist and app.search.index.create-missing is false");
        }
        create(definition, alias);
      } else {
        indexes.forEach(index -> verify(definition, alias, index));
      }
      rememberDeletes(alias);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Elasticsearch did not answer while preparing index [" + alias + "]", e);
    }
  }

  private void rememberDeletes(String alias) throws IOException {
    String seconds = properties.gcDeletes().toSeconds() + "s";
    client
        .indices()
        .putSettings(
            s -> s.index(alias).settings(settings -> settings.gcDeletes(t -> t.time(seconds))));
  }

  private List<String> indexesBehind(String alias) throws IOException {
    if (client.indices().existsAlias(a -> a.name(alias)).value()) {
      return List.copyOf(client.indices().getAlias(a -> a.name(alias)).aliases().keySet());
    }
    if (client.indices().exists(e -> e.index(alias)).value()) {
      throw new IndexMismatchException(
          "["
              + alias
              + "] is a concrete index, not an alias: the service reaches its indexes"
              + " through aliases so that a reindex can swap them. Reindex it into a versioned index, or delete it in development.");
    }
    return List.of();
  }

  private void create(IndexDefinition definition, String alias) throws IOException {
    String index = definition.indexName(alias);
    String body = definition.createBody(json, properties.replicas(), false, alias);
    try {
      client.indices().create(c -> c.index(index).withJson(new StringReader(body)));
      log.info(
          "Created index [{}] behind alias [{}] from {}.json", index, alias, definition.name());
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
      log.info("Index [{}] was created meanwhile by another instance", index);
      verify(definition, alias, index);
    }
  }

  private void verify(IndexDefinition definition, String alias, String index) {
    String actual = contentSha256(index);
    if (!definition.sha256().equals(actual)) {
      IndexMismatchException mismatch =
          new IndexMismatchException(
              ("Index [%s] behind alias [%s] was not created from this build's"
                      + " index-mappings/%s.json (index: sha256 %s, file: sha256 %s). Move the alias to a new index with a full reindex"
                      + " (bin/reindex %s), or, in development only, delete the index and restart.")
                  .formatted(
                      index,
                      alias,
                      definition.name(),
                      actual,
                      definition.sha256(),
                      definition.name()));
      if (properties.failOnMismatch()) {
        throw mismatch;
      }
      log.warn(
          "{} Starting all the same (app.search.index.fail-on-mismatch is false).",
          mismatch.getMessage());
      return;
    }
    log.info("Index [{}] behind alias [{}] matches {}.json", index, alias, definition.name());
  }

  private String contentSha256(String index) {
    try {
      Map<String, JsonData> meta =
          Objects.requireNonNull(
                  client.indices().getMapping(m -> m.index(index)).get(index),
                  () -> "no mapping answered for " + index)
              .mappings()
              .meta();
      JsonData sha = meta.get(CONTENT_SHA256);
      return sha == null ? "(none)" : sha.to(String.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
