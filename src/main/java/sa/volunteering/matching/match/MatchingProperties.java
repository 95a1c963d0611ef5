package sa.volunteering.matching.match;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import sa.volunteering.matching.indexing.IndexDocuments;

/**
 * How matching ranks (docs/ranking.md explains each weight).
 *
 * @param weights what each component of the score is worth at most
 * @param candidateWeights the weights ranking an opportunity's candidates, when they differ from
 *     those ranking a volunteer's matches ({@code weights}, which rank both without them): a whole
 *     set, whose weights not given take their defaults, not {@code weights}' (a fitted file gives
 *     both; docs/ranking.md, "Weights fitted to outcomes")
 * @param distanceHalfKm the distance at which a pair keeps half the distance credit: the credit is
 *     {@code half / (half + km)}, Elasticsearch's {@code distance_feature}
 * @param freshnessHalfDays the age of an opportunity's publication at which it keeps half the
 *     freshness credit (same curve)
 * @param activityHalfDays how long ago a volunteer last did something themselves (edited their
 *     profile, applied, withdrew, settled hours) when they keep half the freshness credit
 *     (candidates)
 * @param urgencyHalfDays how far ahead an opportunity's start keeps half the urgency credit (same
 *     curve; none once it has started)
 * @param maxAppliedLeftOut how many of a volunteer's most recent applications their matches leave
 *     out at most (their indexed document lists 500: {@link IndexDocuments#APPLIED_KEPT})
 * @param maxApplicantsFirst how many of an opportunity's most recent applicants its candidates put
 *     first at most, when the organization asks for applicants first
 * @param liveThreshold a live match is pushed when its score, without text, reaches this share of
 *     the highest possible
 * @param liveMaxSubscribers live subscriptions one instance holds at most; more get 503
 * @param documentCache the instance's cache of the volunteers' and opportunities' documents that
 *     ranking requests start from
 */
@Validated
@ConfigurationProperties("app.matching")
public record MatchingProperties(
    @DefaultValue @Valid Weights weights,
    @Nullable @Valid Weights candidateWeights,
    @DefaultValue("20") @DecimalMin("0.1") double distanceHalfKm,
    @DefaultValue("14") @DecimalMin("0.1") double freshnessHalfDays,
    @DefaultValue("90") @DecimalMin("0.1") double activityHalfDays,
    @DefaultValue("7") @DecimalMin("0.1") double urgencyHalfDays,
    @DefaultValue("500") @Min(0) @Max(IndexDocuments.APPLIED_KEPT) int maxAppliedLeftOut,
    @DefaultValue("1000") @Min(0) int maxApplicantsFirst,
    @DefaultValue("0.55") @DecimalMin("0") @DecimalMax("1") double liveThreshold,
    @DefaultValue("10000") @Min(1) int liveMaxSubscribers,
    @DefaultValue @Valid DocumentCacheLimits documentCache) {

  /** The weights ranking in {@code direction}. */
  public Weights weights(Direction direction) {
    return direction == Direction.CANDIDATES && candidateWeights != null
        ? candidateWeights
        : weights;
  }

  /**
   * @param maxEntries documents kept at most
   * @param maxSize their estimated heap size at most
   * @param timeToLive how long a document is kept at most, in case an announcement of its change
   *     was lost
   */
  public record DocumentCacheLimits(
      @DefaultValue("20000") @Min(0) int maxEntries,
      @DefaultValue("96MB") DataSize maxSize,
      @DefaultValue("60s") Duration timeToLive) {}

  /**
   * @param skills full coverage of the required skills (weighted by each skill's weight)
   * @param relatedSkillCredit the part of a skill's credit a related skill earns instead
   * @param field the opportunity's field is one the volunteer chose
   * @param city same city
   * @param distance closeness, half at {@code distance-half-km} (remote opportunities earn it
   *     whole)
   * @param language a language in common
   * @param freshness recently published opportunity / recently active volunteer
   * @param capacity share of the seats still free (ranking opportunities)
   * @param urgency the opportunity starts soon (ranking opportunities; seats are left, or it would
   *     not match)
   * @param verified the opportunity's organization is verified by the platform (ranking
   *     opportunities)
   * @param weekdays a day the opportunity runs on is one of the volunteer's weekdays (or they named
   *     none)
   * @param experience verified hours, saturating (ranking volunteers)
   * @param pastField the volunteer has verified hours in the opportunity's field
   * @param pastOrganization the volunteer has verified hours with the opportunity's organization
   * @param trackRecord how reliably the volunteer completes what they are accepted for, a newcomer
   *     at the prior (ranking volunteers; {@link sa.volunteering.matching.indexing.TrackRecord})
   * @param exposure how little the volunteer was shown lately among opportunities' first candidates
   *     (ranking volunteers; {@link sa.volunteering.matching.indexing.Exposure})
   * @param text relevance to the free text, when there is some (multiplies the text score)
   */
  public record Weights(
      @DefaultValue("4.0") @DecimalMin("0") double skills,
      @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double relatedSkillCredit,
      @DefaultValue("1.5") @DecimalMin("0") double field,
      @DefaultValue("1.0") @DecimalMin("0") double city,
      @DefaultValue("1.5") @DecimalMin("0") double distance,
      @DefaultValue("0.5") @DecimalMin("0") double language,
      @DefaultValue("0.5") @DecimalMin("0") double freshness,
      @DefaultValue("0.5") @DecimalMin("0") double capacity,
      @DefaultValue("0.5") @DecimalMin("0") double urgency,
      @DefaultValue("0.25") @DecimalMin("0") double verified,
      @DefaultValue("0.25") @DecimalMin("0") double weekdays,
      @DefaultValue("0.5") @DecimalMin("0") double experience,
      @DefaultValue("0.5") @DecimalMin("0") double pastField,
      @DefaultValue("0.5") @DecimalMin("0") double pastOrganization,
      @DefaultValue("0.5") @DecimalMin("0") double trackRecord,
      @DefaultValue("1.0") @DecimalMin("0") double exposure,
      @DefaultValue("1.0") @DecimalMin("0") double text) {}
}
