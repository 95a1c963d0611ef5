package sa.volunteering.matching.search.opportunities;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The limits of opportunity search; every one answers 400 with a problem when a request goes past
 * it.
 *
 * @param maxQueryLength characters of free text accepted in {@code q}
 * @param maxWindow deepest hit a page may reach ({@code from + size}); deeper goes through the
 *     stream
 * @param maxFilterValues values accepted per filter (cities, fields, skills, modes)
 * @param maxRadiusKm the widest circle a "near" filter may draw
 * @param facetSize buckets per facet
 * @param suggest limits of autocomplete
 * @param expansion limits of the lexicon's expansion of a query
 */
@Validated
@ConfigurationProperties("app.search.opportunities")
public record OpportunitySearchProperties(
    @DefaultValue("200") @Min(1) @Max(2000) int maxQueryLength,
    @DefaultValue("10000") @Min(1) @Max(10000) int maxWindow,
    @DefaultValue("20") @Min(1) @Max(200) int maxFilterValues,
    @DefaultValue("1000") @Min(1) int maxRadiusKm,
    @DefaultValue("40") @Min(1) @Max(500) int facetSize,
    @DefaultValue Suggest suggest,
    @DefaultValue LexiconExpansion expansion) {

  /**
   * @param maxPrefixLength characters accepted in {@code prefix}
   * @param defaultSize suggestions returned when the request names no size
   * @param maxSize the most suggestions one request may ask for
   */
  public record Suggest(
      @DefaultValue("50") @Min(1) int maxPrefixLength,
      @DefaultValue("10") @Min(1) int defaultSize,
      @DefaultValue("25") @Min(1) int maxSize) {}

  /**
   * @param maxConcepts concepts of the lexicon a query may name and be expanded with
   * @param maxFormsPerConcept forms one concept adds to the query, the language typed first
   */
  public record LexiconExpansion(
      @DefaultValue("4") @Min(0) @Max(16) int maxConcepts,
      @DefaultValue("12") @Min(1) @Max(40) int maxFormsPerConcept) {}
}
