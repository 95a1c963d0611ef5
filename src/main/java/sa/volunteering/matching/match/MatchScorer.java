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
    if (volunteer.located()
        && opportunity.located()
        && distanceKm(volunteer, opportunity) > volunteer.travelKm()) {
      return "farther than the volunteer travels";
    }
    return null;
  }

  /** Age as matching counts it: this year minus the year of birth. */
  static int age(VolunteerDoc volunteer, Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC).getYear() - volunteer.birthYear();
  }

  /**
   * The components of the pair's score, and the explanation of a hit Elasticsearch scored {@code
   * score}; with a score of 0 (live matches, where Elasticsearch is not asked) the model's own sum
   * is the score.
   */
  Explanation explain(
      VolunteerDoc volunteer,
      OpportunityDoc opportunity,
      Direction direction,
      double score,
      Instant now) {
    List<String> matched = new ArrayList<>();
    List<String> related = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    double coverage = 0;
    double credit = properties.weights().relatedSkillCredit();
    for (OpportunityDoc.RequiredSkill skill : opportunity.requiredSkills()) {
      if (volunteer.skills().contains(skill.code())) {
        matched.add(skill.code());
        coverage += skill.share();
      } else if (relations.anyRelated(skill.code(), volunteer.skills())) {
        related.add(skill.code());
        coverage += credit * skill.share();
      } else {
        missing.add(skill.code());
      }
    }
    MatchingProperties.Weights weights = properties.weights();
    boolean field = volunteer.fields().contains(opportunity.fieldCode());
    boolean city = volunteer.cityCode().equals(opportunity.cityCode());
    boolean language = !Collections.disjoint(volunteer.languages(), opportunity.languages());
    Double distance =
        opportunity.remote() || !volunteer.located() || !opportunity.located()
            ? null
            : distanceKm(volunteer, opportunity);
    Map<String, double[]> parts = new LinkedHashMap<>();
    parts.put("skills", new double[] {coverage, weights.skills()});
    parts.put("field", new double[] {field ? 1 : 0, weights.field()});
    parts.put("city", new double[] {city ? 1 : 0, weights.city()});
    parts.put("distance", new double[] {distanceCredit(opportunity, distance), weights.distance()});
    parts.put("language", new double[] {language ? 1 : 0, weights.language()});
    if (direction == Direction.OPPORTUNITIES) {
      parts.put(
          "freshness",
          new double[] {
            ageCredit(opportunity.publishedAt(), now, properties.freshnessScaleDays()),
            weights.freshness()
          });
      parts.put("capacity", new double[] {opportunity.capacityLeft(), weights.capacity()});
    } else {
      parts.put(
          "freshness",
          new double[] {
            ageCredit(volunteer.updatedAt(), now, properties.activityScaleDays()),
            weights.freshness()
          });
      parts.put("experience", new double[] {volunteer.experience(), weights.experience()});
    }
    double modelled = parts.values().stream().mapToDouble(part -> part[0] * part[1]).sum();
    double text = Math.max(0, score - modelled);
    if (text > 1e-3) {
      parts.put("text", new double[] {text / Math.max(weights.text(), 1e-9), weights.text()});
    }
    double total = score > 0 ? score : modelled;
    List<Explanation.Component> components = new ArrayList<>();
    parts.forEach(
        (name, part) -> {
          double points = part[0] * part[1];
          components.add(
              new Explanation.Component(
                  name,
                  round(part[0]),
                  part[1],
                  round(points),
                  total == 0 ? 0 : round(points / total)));
        });
    return new Explanation(
        matched,
        related,
        missing,
        distance == null ? null : Math.round(distance * 100) / 100.0,
        field,
        city,
        language,
        round(total),
        components);
  }

  /**
   * The highest score a pair can reach without text: every weight of the direction's components.
   */
  double highest(Direction direction) {
    MatchingProperties.Weights weights = properties.weights();
    double common =
        weights.skills()
            + weights.field()
            + weights.city()
            + weights.distance()
            + weights.language()
            + weights.freshness();
    return common
        + (direction == Direction.OPPORTUNITIES ? weights.capacity() : weights.experience());
  }

  static double distanceKm(VolunteerDoc volunteer, OpportunityDoc opportunity) {
    return GreatCircle.km(volunteer.lat(), volunteer.lon(), opportunity.lat(), opportunity.lon());
  }

  private double distanceCredit(OpportunityDoc opportunity, @Nullable Double distance) {
    if (opportunity.remote()) {
      return 1;
    }
    return distance == null
        ? 1
        : gauss(
            distance,
            properties.distanceOffsetKm(),
            properties.distanceScaleKm(),
            properties.distanceDecay());
  }

  private double ageCredit(@Nullable Instant at, Instant now, double scaleDays) {
    if (at == null) {
      return 1;
    }
    double days = Math.abs(now.toEpochMilli() - at.toEpochMilli()) / 86_400_000.0;
    return gauss(days, 0, scaleDays, properties.decay());
  }

  /** Elasticsearch's gauss decay: 1 within the offset, {@code decay} at offset + scale. */
  static double gauss(double distance, double offset, double scale, double decay) {
    double beyond = Math.max(0, distance - offset);
    double sigmaSquared = -scale * scale / (2 * Math.log(decay));
    return Math.exp(-beyond * beyond / (2 * sigmaSquared));
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
