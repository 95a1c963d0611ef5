package sa.volunteering.matching.support;

import tools.jackson.databind.JsonNode;

/** Reading explanations as the API returns them. */
public final class Explanations {

  private Explanations() {}

  /** The value of the explanation's line for the component. */
  public static double value(JsonNode explanation, String component) {
    for (JsonNode line : explanation.path("components")) {
      if (line.path("name").asString().equals(component)) {
        return line.path("value").asDouble();
      }
    }
    throw new AssertionError("no line " + component + " in " + explanation);
  }
}
