/**
 * Impressions: who was shown what, at which rank, with the value of each component of its score,
 * kept in PostgreSQL for the exposure control and the fitting of the weights (decision 0029).
 */
@NullMarked
package sa.volunteering.matching.impressions;

import org.jspecify.annotations.NullMarked;
