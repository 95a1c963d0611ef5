/**
 * Fair exposure: the impressions of candidate lists folded into how often each volunteer was shown
 * lately, kept in PostgreSQL and carried by their indexed document, so that the candidates' score
 * can give less to the volunteers every list already shows (decision 0033).
 */
@NullMarked
package sa.volunteering.matching.exposure;

import org.jspecify.annotations.NullMarked;
