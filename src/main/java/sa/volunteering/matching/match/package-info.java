/**
 * Matching both ways: opportunities ranked for a volunteer, volunteers ranked for an opportunity,
 * each result explained, long lists streamed, and new matches pushed live.
 */
@NullMarked
package sa.volunteering.matching.match;

import org.jspecify.annotations.NullMarked;
