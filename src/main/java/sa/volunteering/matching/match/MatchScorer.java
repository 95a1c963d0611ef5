package sa.volunteering.matching.match;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.indexing.Experience;
import sa.volunteering.matching.indexing.Exposure;
import sa.volunteering.matching.indexing.RankingSteps;
import sa.volunteering.matching.indexing.Rotation;
import sa.volunteering.matching.indexing.ValueAsDate;
import sa.volunteering.matching.indexing.Weekdays;
import sa.volunteering.matching.search.opportunities.GreatCircle;

/**
 * The matching model in Java: the hard constraints, and the score as the sum of weighted
 * components, each computed exactly as the Elasticsearch queries of {@link MatchQueries} compute
 * it. Explanations come from here; so do live matches, scored as each changed opportunity is
 * indexed.
 */
@Component
class MatchScorer {

  private final MatchingProperties properties;
  private final SkillRelations relations;

  MatchScorer(MatchingProperties properties, SkillRelations relations) {
    this.properties = properties;
    this.relations = relations;
  }

  /** Why the pair cannot match, or null when every hard constraint holds. */
  @Nullable String ineligible(VolunteerDoc volunteer, OpportunityDoc opportunity, Instant now) {
    if (!"published".equals(opportunity.status())) {
      return "not published";
    }
    if (opportunity.seatsLeft() <= 0) {
      return "no seats left";
    }
    if (volunteer.availableFrom() != null
        && opportunity.endsAt() != null
        && opportunity
            .endsAt()
            .isBefore(volunteer.availableFrom().atStartOfDay().toInstant(ZoneOffset.UTC))) {
      return "ends before the volunteer is available";
    }
    if (volunteer.availableTo() != null
        && opportunity.startsAt() != null
        && !opportunity
            .startsAt()
            .isBefore(
                volunteer.availableTo().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
      return "starts after the volunteer's availability";
    }
    if (!"any".equals(opportunity.gender()) && !opportunity.gender().equals(volunteer.gender())) {
      return "open to " + opportunity.gender() + " volunteers only";
    }
    int age = age(volunteer, now);
    if (opportunity.minAge() != null && age < opportunity.minAge()
        || opportunity.maxAge() != null && age > opportunity.maxAge()) {
      return "outside the age range";
    }
    if (opportunity.remote()) {
      return volunteer.remoteOk() ? null : "remote, and the volunteer does not take remote work";
    }
    if (!volunteer.located()) {
      return volunteer.cityCode().equals(opportunity.cityCode())
          ? null
          : "in another city, and the volunteer's place is unknown";
    }
    if (volunteer.travelKm() < 1) {
      return "not remote, and the volunteer does not travel";
    }
    if (!opportunity.located()) {
      return "its place is unknown";
    }
    if (distanceKm(volunteer, opportunity) > volunteer.travelKm()) {
      return "farther than the volunteer travels";
    }
    return null;
  }

  /** Age as matching counts it: this year minus the year of birth. */
  static int age(VolunteerDoc volunteer, Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC).getYear() - volunteer.birthYear();
  }

  /**
   * The explanation of a pair the model scores itself (live matches, where Elasticsearch is not
   * asked): each component computed by the same rules as the query's clause.
   */
  Explanation explain(
      VolunteerDoc volunteer, OpportunityDoc opportunity, Direction direction, Instant now) {
    Map<String, Double> points = new LinkedHashMap<>();
    Skills skills = skills(volunteer, opportunity, direction);
    MatchingProperties.Weights weights = properties.weights(direction);
    points.put("skills", skills.coverage() * weights.skills());
    points.put("field", volunteer.fields().contains(opportunity.fieldCode()) ? weights.field() : 0);
    points.put("city", volunteer.cityCode().equals(opportunity.cityCode()) ? weights.city() : 0);
    points.put("distance", distanceCredit(volunteer, opportunity, direction) * weights.distance());
    points.put(
        "language",
        Collections.disjoint(volunteer.languages(), opportunity.languages())
            ? 0
            : weights.language());
    points.put(
        "past_field",
        volunteer.servedFields().contains(opportunity.fieldCode()) ? weights.pastField() : 0);
    points.put(
        "past_organization",
        volunteer.servedOrganizations().contains(opportunity.organizationId())
            ? weights.pastOrganization()
            : 0);
    points.put(
        "weekdays",
        Weekdays.overlap(volunteer.weekdays(), opportunity.weekdays()) ? weights.weekdays() : 0);
    if (direction == Direction.OPPORTUNITIES) {
      points.put(
          "freshness",
          recency(opportunity.publishedAt(), now, properties.freshnessHalfDays())
              * weights.freshness());
      points.put("capacity", ValueAsDate.scored(opportunity.capacityLeft()) * weights.capacity());
      points.put("urgency", urgency(opportunity.startsAt(), now) * weights.urgency());
      points.put("verified", opportunity.organizationVerified() ? weights.verified() : 0);
    } else {
      points.put(
          "freshness",
          recency(volunteer.lastActiveAt(), now, properties.activityHalfDays())
              * weights.freshness());
      points.put(
          "experience",
          ValueAsDate.scored(Experience.of(volunteer.verifiedHours())) * weights.experience());
      points.put(
          "track_record", ValueAsDate.scored(volunteer.trackRecord()) * weights.trackRecord());
      points.put(
          "exposure",
          ValueAsDate.scored(Exposure.of(volunteer.shownLately())) * weights.exposure());
    }
    points.put(
        MatchQueries.TIEBREAK,
        Rotation.points(
            direction == Direction.OPPORTUNITIES ? opportunity.id() : volunteer.id(), now));
    double total = points.values().stream().mapToDouble(Double::doubleValue).sum();
    return explanation(volunteer, opportunity, direction, skills, points, total);
  }

  /**
   * The explanation of a hit as Elasticsearch scored it: each component is the sum of the scores
   * Elasticsearch reports for the clauses named after it ({@code skills}, {@code skills:<code>},
   * …), so the components add up to the hit's score, text included.
   */
  Explanation explain(
      VolunteerDoc volunteer,
      OpportunityDoc opportunity,
      Direction direction,
      Map<String, Double> clauses,
      double score) {
    Map<String, Double> points = new LinkedHashMap<>();
    for (String component : components(direction)) {
      points.put(component, 0.0);
    }
    clauses.forEach(
        (name, clause) -> {
          int colon = name.indexOf(':');
          String component = colon < 0 ? name : name.substring(0, colon);
          points.merge(component, clause, Double::sum);
        });
    if (points.getOrDefault(MatchQueries.TEXT, 0.0) <= 1e-3) {
      points.remove(MatchQueries.TEXT);
    }
    return explanation(
        volunteer,
        opportunity,
        direction,
        skills(volunteer, opportunity, direction),
        points,
        score);
  }

  /** The components of a score when ranking in the direction, text aside. */
  static List<String> components(Direction direction) {
    List<String> common =
        List.of(
            "skills",
            "field",
            "city",
            "distance",
            "language",
            "past_field",
            "past_organization",
            "weekdays",
            "freshness");
    List<String> own =
        direction == Direction.OPPORTUNITIES
            ? List.of("capacity", "urgency", "verified", MatchQueries.TIEBREAK)
            : List.of("experience", "track_record", "exposure", MatchQueries.TIEBREAK);
    List<String> all = new ArrayList<>(common);
    all.addAll(own);
    return all;
  }

  /** The required skills the volunteer has, has a related one of, or lacks, and the coverage. */
  private record Skills(
      List<String> matched, List<String> related, List<String> missing, double coverage) {}

  /**
   * Ranking opportunities, a skill's share counts in twelfths, as the query reads it from the
   * opportunity's tokens; ranking candidates, the query carries the exact shares.
   */
  private Skills skills(VolunteerDoc volunteer, OpportunityDoc opportunity, Direction direction) {
    List<String> matched = new ArrayList<>();
    List<String> related = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    double coverage = 0;
    double credit = properties.weights(direction).relatedSkillCredit();
    for (OpportunityDoc.RequiredSkill skill : opportunity.requiredSkills()) {
      double share =
          direction == Direction.OPPORTUNITIES
              ? (double) RankingSteps.twelfths(skill.share()) / RankingSteps.TWELFTHS
              : skill.share();
      if (volunteer.skills().contains(skill.code())) {
        matched.add(skill.code());
        coverage += share;
      } else if (relations.anyRelated(skill.code(), volunteer.skills())) {
        related.add(skill.code());
        coverage += credit * share;
      } else {
        missing.add(skill.code());
      }
    }
    return new Skills(matched, related, missing, coverage);
  }

  private Explanation explanation(
      VolunteerDoc volunteer,
      OpportunityDoc opportunity,
      Direction direction,
      Skills skills,
      Map<String, Double> points,
      double total) {
    List<Explanation.Component> components = new ArrayList<>();
    points.forEach(
        (name, earned) -> {
          double weight = weight(name, direction);
          components.add(
              new Explanation.Component(
                  name,
                  weight == 0 ? 0 : round(earned / weight),
                  weight,
                  round(earned),
                  total == 0 ? 0 : round(earned / total)));
        });
    Double distance =
        opportunity.remote() || !volunteer.located() || !opportunity.located()
            ? null
            : distanceKm(volunteer, opportunity);
    return new Explanation(
        skills.matched(),
        skills.related(),
        skills.missing(),
        distance == null ? null : Math.round(distance * 100) / 100.0,
        volunteer.fields().contains(opportunity.fieldCode()),
        volunteer.cityCode().equals(opportunity.cityCode()),
        !Collections.disjoint(volunteer.languages(), opportunity.languages()),
        round(total),
        components);
  }

  private double weight(String component, Direction direction) {
    MatchingProperties.Weights weights = properties.weights(direction);
    return switch (component) {
      case "skills" -> weights.skills();
      case "field" -> weights.field();
      case "city" -> weights.city();
      case "distance" -> weights.distance();
      case "language" -> weights.language();
      case "freshness" -> weights.freshness();
      case "capacity" -> weights.capacity();
      case "urgency" -> weights.urgency();
      case "verified" -> weights.verified();
      case "weekdays" -> weights.weekdays();
      case "experience" -> weights.experience();
      case "past_field" -> weights.pastField();
      case "past_organization" -> weights.pastOrganization();
      case "track_record" -> weights.trackRecord();
      case "exposure" -> weights.exposure();
      case MatchQueries.TEXT -> weights.text();
      case MatchQueries.TIEBREAK -> Rotation.WEIGHT;
      default ->
          throw new IllegalArgumentException(
              "no component " + component + " when ranking " + direction);
    };
  }

  /**
   * The highest score the volunteer's matches can reach without text: every weight of the
   * opportunities' components but those of a history the volunteer does not have, so that a live
   * threshold asks a newcomer for the same share of what they can earn as anyone.
   */
  double highestFor(VolunteerDoc volunteer) {
    MatchingProperties.Weights weights = properties.weights(Direction.OPPORTUNITIES);
    return weights.skills()
        + weights.field()
        + weights.city()
        + weights.distance()
        + weights.language()
        + weights.weekdays()
        + (volunteer.servedFields().isEmpty() ? 0 : weights.pastField())
        + (volunteer.servedOrganizations().isEmpty() ? 0 : weights.pastOrganization())
        + weights.freshness()
        + weights.capacity()
        + weights.urgency()
        + weights.verified();
  }

  static double distanceKm(VolunteerDoc volunteer, OpportunityDoc opportunity) {
    return GreatCircle.km(volunteer.lat(), volunteer.lon(), opportunity.lat(), opportunity.lon());
  }

  /**
   * The distance credit as the query gives it: whole for remote work, and for every candidate of an
   * opportunity without a place; {@code half / (half + km)} when both have a place; none when the
   * volunteer has no place, or, ranking opportunities, the opportunity has none.
   */
  private double distanceCredit(
      VolunteerDoc volunteer, OpportunityDoc opportunity, Direction direction) {
    if (opportunity.remote() || direction == Direction.CANDIDATES && !opportunity.located()) {
      return 1;
    }
    if (!volunteer.located() || !opportunity.located()) {
      return 0;
    }
    return closeness(distanceKm(volunteer, opportunity), properties.distanceHalfKm());
  }

  private static double recency(@Nullable Instant at, Instant now, double halfDays) {
    if (at == null) {
      return 0;
    }
    double days = Math.abs(now.toEpochMilli() - at.toEpochMilli()) / 86_400_000.0;
    return closeness(days, halfDays);
  }

  /**
   * How soon the opportunity starts, by the recency curve; nothing once it has started. From the
   * hour, as the query measures it.
   */
  private double urgency(@Nullable Instant startsAt, Instant now) {
    Instant origin = MatchQueries.urgencyOrigin(now);
    return startsAt == null || startsAt.isBefore(origin)
        ? 0
        : recency(startsAt, origin, properties.urgencyHalfDays());
  }

  /** Elasticsearch's {@code distance_feature}: 1 at the origin, half at {@code half}. */
  static double closeness(double distance, double half) {
    return half / (half + distance);
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
