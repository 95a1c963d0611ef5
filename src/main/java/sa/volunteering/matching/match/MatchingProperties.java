package sa.volunteering.matching.match;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How matching ranks (docs/ranking.md explains each weight).
 *
 * @param weights what each component of the score is worth at most
 * @param distanceScaleKm the gauss decay on distance: at offset + scale km a match keeps {@code
 *     distanceDecay} of its credit
 * @param freshnessScaleDays the gauss decay on an opportunity's publication date
 * @param activityScaleDays the gauss decay on a volunteer's last profile update (candidates)
 * @param liveThreshold a live match is pushed when its score, without text, reaches this share of
 *     the highest possible
 * @param liveMaxSubscribers live subscriptions one instance holds at most; more get 503
 */
@Validated
@ConfigurationProperties("app.matching")
public record MatchingProperties(
    @DefaultValue @Valid Weights weights,
    @DefaultValue("25") @DecimalMin("0.1") double distanceScaleKm,
    @DefaultValue("2") @DecimalMin("0") double distanceOffsetKm,
    @DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("0.99") double distanceDecay,
    @DefaultValue("14") @DecimalMin("0.1") double freshnessScaleDays,
    @DefaultValue("90") @DecimalMin("0.1") double activityScaleDays,
    @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("0.99") double decay,
    @DefaultValue("0.55") @DecimalMin("0") @DecimalMax("1") double liveThreshold,
    @DefaultValue("10000") @Min(1) int liveMaxSubscribers,
    @DefaultValue("30s") Duration liveHeartbeat) {

  /**
   * @param skills full coverage of the required skills (weighted by each skill's weight)
   * @param relatedSkillCredit the part of a skill's credit a related skill earns instead
   * @param field the opportunity's field is one the volunteer chose
   * @param city same city
   * @param distance gauss decay on the distance between them (remote opportunities earn it whole)
   * @param language a language in common
   * @param freshness recently published opportunity / recently active volunteer
   * @param capacity share of the seats still free (ranking opportunities)
   * @param experience verified hours, saturating (ranking volunteers)
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
      @DefaultValue("0.5") @DecimalMin("0") double experience,
      @DefaultValue("1.0") @DecimalMin("0") double text) {}
}
