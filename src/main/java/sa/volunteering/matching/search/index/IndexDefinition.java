package sa.volunteering.matching.search.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One index as defined in {@code index-mappings/<name>.json}: settings and mappings, with the
 * {@code _meta.mapping_version} a person bumps and the SHA-256 of the file that detects any other
 * change.
 */
public record IndexDefinition(String name, String json, int mappingVersion, String sha256) {

  static IndexDefinition of(String name, String json, int mappingVersion) {
    return new IndexDefinition(name, json, mappingVersion, sha256(json));
  }

  /**
   * The concrete index name: versioned, and the same for the same content, so concurrent creators
   * agree.
   */
  public String indexName(String alias) {
    return alias + "-v" + mappingVersion + "-" + sha256.substring(0, 12);
  }

  /**
   * The body that creates an index from this definition, marked with the file's hash. For a bulk
   * load, refresh is off and there are no replicas until the load is done; with {@code alias}, the
   * alias is created in the same request.
   */
  public String createBody(
      JsonMapper json, int replicas, boolean bulkLoad, @Nullable String alias) {
    ObjectNode body = (ObjectNode) json.readTree(this.json);
    ObjectNode index = body.withObject("/settings/index");
    index.put("number_of_replicas", bulkLoad ? 0 : replicas);
    if (bulkLoad) {
      index.put("refresh_interval", "-1");
    }
    body.withObject("/mappings/_meta").put(IndexBootstrap.CONTENT_SHA256, sha256);
    if (alias != null) {
      body.withObject("/aliases").putObject(alias);
    }
    return body.toString();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
