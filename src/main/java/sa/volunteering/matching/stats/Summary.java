package sa.volunteering.matching.stats;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The platform's indicators over a period.
 *
 * @param upToDate whether every write so far is counted (changes are folded in within {@code
 *     app.stats.fold-every})
 */
public record Summary(
    @Schema(description = "First month, YYYY-MM; none for all time") @Nullable String from,
    @Schema(description = "Last month, YYYY-MM; none for up to now") @Nullable String to,
    Indicators indicators,
    boolean upToDate) {}
