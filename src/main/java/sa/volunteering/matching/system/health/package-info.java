/** Health of what the service depends on, as /actuator/health components. */
@NullMarked
package sa.volunteering.matching.system.health;

import org.jspecify.annotations.NullMarked;
