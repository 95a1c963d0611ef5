package sa.volunteering.matching.taxonomy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import sa.volunteering.matching.system.problem.Problems;

/** The platform's shared vocabulary, read-only, loaded once at start-up. */
public final class Taxonomy {

  private final Vocabulary<Field> fields;
  private final Vocabulary<Skill> skills;
  private final Vocabulary<Region> regions;
  private final Vocabulary<City> cities;

  public Taxonomy(List<Field> fields, List<Skill> skills, List<Region> regions, List<City> cities) {
    this.fields = new Vocabulary<>("field", fields);
    this.skills = new Vocabulary<>("skill", skills);
    this.regions = new Vocabulary<>("region", regions);
    this.cities = new Vocabulary<>("city", cities);
    for (Skill skill : skills) {
      require(this.fields, skill.field(), "skill " + skill.code());
      skill
          .related()
          .forEach(related -> require(this.skills, related, "related skills of " + skill.code()));
    }
    cities.forEach(city -> require(this.regions, city.region(), "city " + city.code()));
  }

  public Vocabulary<Field> fields() {
    return fields;
  }

  public Vocabulary<Skill> skills() {
    return skills;
  }

  public Vocabulary<Region> regions() {
    return regions;
  }

  public Vocabulary<City> cities() {
    return cities;
  }

  /**
   * Rejects a code the taxonomy does not know, naming the request field and where the valid codes
   * are.
   */
  public static void requireKnown(Vocabulary<?> vocabulary, String requestField, String code) {
    if (!vocabulary.contains(code)) {
      throw Problems.badRequest(
          "unknown-code",
          "Unknown " + vocabulary.kind() + " code",
          requestField + ": '" + code + "' is not a known " + vocabulary.kind() + " code",
          Map.of(
              "errors",
              List.of(
                  Problems.FieldError.of(
                      requestField,
                      "UnknownCode",
                      "'" + code + "' is not a known " + vocabulary.kind() + " code")),
              "validCodes",
              "/api/taxonomy/" + plural(vocabulary.kind())));
    }
  }

  public static void requireKnown(
      Vocabulary<?> vocabulary, String requestField, Collection<String> codes) {
    int index = 0;
    for (String code : codes) {
      requireKnown(vocabulary, requestField + "[" + index++ + "]", code);
    }
  }

  private static String plural(String kind) {
    return kind.equals("city") ? "cities" : kind + "s";
  }

  private static void require(Vocabulary<?> vocabulary, String code, String where) {
    if (!vocabulary.contains(code)) {
      throw new IllegalStateException(
          "taxonomy: " + where + " refers to unknown " + vocabulary.kind() + " " + code);
    }
  }
}
