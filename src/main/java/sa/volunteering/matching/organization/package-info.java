/** Organizations that publish opportunities; created and managed by platform administrators. */
@NullMarked
package sa.volunteering.matching.organization;

import org.jspecify.annotations.NullMarked;
