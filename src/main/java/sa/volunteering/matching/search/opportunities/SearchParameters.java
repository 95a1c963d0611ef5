package sa.volunteering.matching.search.opportunities;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The query string of a search, as sent. A list parameter may repeat ({@code
 * city=jeddah&city=taif}) or hold commas ({@code city=jeddah,taif}); a city, field or skill is a
 * code or any of its names.
 *
 * @param q free text, Arabic, English or both; empty browses by the filters
 * @param city cities (code or name, either language)
 * @param region regions (code or name)
 * @param field fields of volunteer work (code or name)
 * @param skill skills (code or name)
 * @param skills {@code any} (default) or {@code all} of the skills
 * @param mode {@code on_site}, {@code remote}, {@code hybrid}
 * @param from opportunities still running on or after this day
 * @param to opportunities starting on or before this day
 * @param lat latitude of the point "near" filters and sorts measure from
 * @param lon longitude of that point
 * @param radiusKm only opportunities within this distance of the point
 * @param gender {@code male} or {@code female}: opportunities open to them
 * @param age opportunities open at this age
 * @param organization one organization's opportunities
 * @param includeFull also opportunities with no seat left
 * @param sort {@code relevance} (default with text), {@code newest} (default without), {@code
 *     soonest}, {@code nearest}
 * @param page page number from 0 (search only)
 * @param size hits per page (search only)
 * @param limit the most hits to stream (stream only)
 * @param after resume a stream after this cursor (stream only; SSE clients send {@code
 *     Last-Event-ID})
 */
public record SearchParameters(
    @Nullable String q,
    @Nullable List<String> city,
    @Nullable List<String> region,
    @Nullable List<String> field,
    @Nullable List<String> skill,
    @Nullable String skills,
    @Nullable List<String> mode,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable Double lat,
    @Nullable Double lon,
    @Nullable Double radiusKm,
    @Nullable String gender,
    @Nullable Integer age,
    @Nullable UUID organization,
    @Nullable Boolean includeFull,
    @Nullable String sort,
    @Nullable Integer page,
    @Nullable Integer size,
    @Nullable Integer limit,
    @Nullable String after) {

  /** No text, no filter, default paging. */
  public static SearchParameters none() {
    return new SearchParameters(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null);
  }
}
