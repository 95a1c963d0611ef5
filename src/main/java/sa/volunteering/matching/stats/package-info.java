/**
 * Platform indicators (docs/indicators.md): per-month summaries folded from the changes the counted
 * tables append, read by the public summary, the grouped breakdowns and the live stream.
 */
@NullMarked
package sa.volunteering.matching.stats;

import org.jspecify.annotations.NullMarked;
