package sa.volunteering.matching.stats;

/**
 * Which summary rows a question reads: one dimension, and the keys that start with {@code prefix}
 * ({@code ""} for every key). Within an organization, keys are {@code "<organization id>|<code>"}.
 *
 * @param byMonth groups are the months of the rows rather than their keys
 */
record Slice(String dimension, String prefix, boolean byMonth) {

  static final Slice PLATFORM = new Slice("platform", "", false);

  /** The upper bound of the key range: keys are codes and ids, all below U+FFFF. */
  String prefixEnd() {
    return prefix + '\uFFFF';
  }

  /** The key of a group as the client sees it: without the organization id that scopes it. */
  String groupKey(String key) {
    return prefix.endsWith("|") ? key.substring(prefix.length()) : key;
  }

  /** Where fields in use are kept: not per field, where the answer is always one. */
  boolean countsFields() {
    return !dimension.endsWith("field");
  }

  /**
   * Registrations of volunteers and organizations are kept by home city only, outside any
   * organization.
   */
  boolean countsRegistrations() {
    return dimension.equals("platform") || dimension.equals("city") || dimension.equals("region");
  }
}
