/** Load generation for the benchmark commands: blocking HTTP clients on threads of their own, never on a Reactor thread. */
@NullMarked
package sa.volunteering.matching.system.bench;

import org.jspecify.annotations.NullMarked;
