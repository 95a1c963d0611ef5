package sa.volunteering.matching.stats;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * The indicators of a group over a period (docs/indicators.md); {@code null} where an indicator
 * does not apply to the group (registrations have no field or organization; a field uses one
 * field).
 */
public record Indicators(
    @Schema(description = "Volunteer profiles registered in the period and not closed since")
        @Nullable Long registeredVolunteers,
    @Schema(
            description =
                "People with at least one verified hour worked in the period, each counted once")
        long uniqueActiveVolunteers,
    @Schema(description = "Verified hours worked in the period") BigDecimal verifiedHours,
    @Schema(description = "Opportunities published in the period, closed ones included")
        long opportunitiesOffered,
    long seatsOffered,
    long seatsTaken,
    @Schema(
            description =
                "Seats taken over seats offered, for the opportunities offered in the period")
        @Nullable BigDecimal fillRate,
    @Schema(description = "Organizations registered in the period and not closed since")
        @Nullable Long organizations,
    @Schema(description = "Fields with at least one opportunity offered in the period")
        @Nullable Long fieldsInUse,
    @Schema(description = "Applications made in the period, whatever became of them")
        long applications,
    @Schema(description = "Of those, accepted or completed: participation")
        long acceptedApplications) {

  static @Nullable BigDecimal fillRate(long taken, long offered) {
    return offered == 0
        ? null
        : BigDecimal.valueOf(taken).divide(BigDecimal.valueOf(offered), 4, RoundingMode.HALF_UP);
  }
}
