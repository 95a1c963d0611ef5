package sa.volunteering.matching.match;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import sa.volunteering.matching.search.opportunities.GreatCircle;
import tools.jackson.databind.JsonNode;

/**
 * The written rules that grade a volunteer–opportunity pair of the evaluation set
 * (docs/ranking.md), deliberately independent of the service's weights: counts of skills, not
 * weighted shares.
 *
 * <ul>
 *   <li>0: the pair breaks a hard constraint (gender, age, dates, reach), or shares nothing below;
 *   <li>3: every required skill, a chosen field, and near (15 km) or remote;
 *   <li>2: every required skill, or half of them in a chosen field;
 *   <li>1: some required skill, a related skill, or a chosen field.
 * </ul>
 */
final class RelevanceRules {

  private final SkillRelations relations;

  RelevanceRules(SkillRelations relations) {
    this.relations = relations;
  }

  int grade(JsonNode volunteer, JsonNode opportunity, Instant now) {
    if (!eligible(volunteer, opportunity, now)) {
      return 0;
    }
    Set<String> own = strings(volunteer.path("skill_codes"));
    List<String> required =
        opportunity
            .path("required_skills")
            .valueStream()
            .map(skill -> skill.path("code").asString())
            .toList();
    long exact = required.stream().filter(own::contains).count();
    boolean related =
        required.stream().anyMatch(code -> !own.contains(code) && relations.anyRelated(code, own));
    boolean field =
        strings(volunteer.path("field_codes")).contains(opportunity.path("field_code").asString());
    boolean near = remote(opportunity) || distance(volunteer, opportunity) <= 15;
    if (exact == required.size() && field && near) {
      return 3;
    }
    if (exact == required.size() || (exact * 2 >= required.size() && field)) {
      return 2;
    }
    return exact > 0 || related || field ? 1 : 0;
  }

  boolean eligible(JsonNode volunteer, JsonNode opportunity, Instant now) {
    String gender = opportunity.path("gender").asString();
    if (!gender.equals("any") && !gender.equals(volunteer.path("gender").asString())) {
      return false;
    }
    int age = volunteer.path("age").asInt();
    if (opportunity.has("min_age") && age < opportunity.path("min_age").asInt()
        || opportunity.has("max_age") && age > opportunity.path("max_age").asInt()) {
      return false;
    }
    if (opportunity.path("seats_left").asInt() <= 0) {
      return false;
    }
    if (volunteer.has("available_in_days")) {
      int from = volunteer.path("available_in_days").get(0).asInt();
      int to = volunteer.path("available_in_days").get(1).asInt();
      int start = opportunity.path("start_in_days").asInt();
      int end = start + opportunity.path("length_days").asInt();
      if (end < from || start > to) {
        return false;
      }
    }
    if (remote(opportunity)) {
      return volunteer.path("remote_ok").asBoolean();
    }
    return distance(volunteer, opportunity) <= volunteer.path("travel_km").asInt();
  }

  static boolean remote(JsonNode opportunity) {
    return opportunity.path("mode").asString().equals("remote");
  }

  static double distance(JsonNode volunteer, JsonNode opportunity) {
    JsonNode a = volunteer.path("location");
    JsonNode b = opportunity.path("location");
    return GreatCircle.km(
        a.path("lat").asDouble(),
        a.path("lon").asDouble(),
        b.path("lat").asDouble(),
        b.path("lon").asDouble());
  }

  static Set<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).collect(Collectors.toSet());
  }

  static Instant daysFrom(Instant now, int days) {
    return now.plus(days, ChronoUnit.DAYS);
  }
}
