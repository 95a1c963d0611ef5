/**
 * Opportunities: drafted and published by members of their organization, closed by hand or when
 * they end.
 */
@NullMarked
package sa.volunteering.matching.opportunity;

import org.jspecify.annotations.NullMarked;
