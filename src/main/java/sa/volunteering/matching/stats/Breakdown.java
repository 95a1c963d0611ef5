package sa.volunteering.matching.stats;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Indicators grouped, one page of groups: months in order, other groups by verified hours, most
 * first.
 *
 * @param organization the organization the breakdown is confined to, if any
 */
public record Breakdown(
    String by,
    @Nullable String organization,
    @Nullable String from,
    @Nullable String to,
    List<Group> groups,
    int page,
    int size,
    long totalGroups,
    boolean upToDate) {

  /**
   * @param key a field, city or region code, an organization id, or a month (YYYY-MM)
   */
  public record Group(
      String key,
      @Schema(description = "Arabic name of the field, city, region or organization")
          @Nullable String nameAr,
      @Nullable String nameEn,
      Indicators indicators) {}
}
