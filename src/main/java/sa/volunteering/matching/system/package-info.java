/** Cross-cutting wiring: configuration derivation, health. */
@NullMarked
package sa.volunteering.matching.system;

import org.jspecify.annotations.NullMarked;
