package sa.volunteering.tools.behaviour;

import java.util.LinkedHashMap;
import java.util.Map;
import sa.volunteering.matching.match.MatchingProperties.Weights;

/**
 * The service's weights by name: the configuration's names ({@code
 * app.matching.weights.past-field}) and the components' names in impressions and explanations
 * ({@code past_field}).
 */
final class WeightNames {

  private WeightNames() {}

  /** Every weight, by its configuration name, in the order the configuration lists them. */
  static Map<String, Double> of(Weights weights) {
    Map<String, Double> all = new LinkedHashMap<>();
    all.put("skills", weights.skills());
    all.put("related-skill-credit", weights.relatedSkillCredit());
    all.put("field", weights.field());
    all.put("city", weights.city());
    all.put("distance", weights.distance());
    all.put("language", weights.language());
    all.put("freshness", weights.freshness());
    all.put("capacity", weights.capacity());
    all.put("urgency", weights.urgency());
    all.put("verified", weights.verified());
    all.put("weekdays", weights.weekdays());
    all.put("experience", weights.experience());
    all.put("past-field", weights.pastField());
    all.put("past-organization", weights.pastOrganization());
    all.put("track-record", weights.trackRecord());
    all.put("exposure", weights.exposure());
    all.put("text", weights.text());
    return all;
  }

  /** The configuration's name of a component ({@code track_record} → {@code track-record}). */
  static String configured(String component) {
    return component.replace('_', '-');
  }
}
