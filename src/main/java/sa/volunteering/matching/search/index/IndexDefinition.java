package sa.volunteering.matching.search.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One index as defined in {@code index-mappings/<name>.json}: settings and mappings, with the
 * {@code _meta.mapping_version} a person bumps and the SHA-256 of the file that detects any other change.
 */
public record IndexDefinition(String name, String json, int mappingVersion, String sha256) {

  static IndexDefinition of(String name, String json, int mappingVersion) {
    return new IndexDefinition(name, json, mappingVersion, sha256(json));
  }

  /** The concrete index name: versioned, and the same for the same content, so concurrent creators agree. */
  public String indexName(String alias) {
    return alias + "-v" + mappingVersion + "-" + sha256.substring(0, 12);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
