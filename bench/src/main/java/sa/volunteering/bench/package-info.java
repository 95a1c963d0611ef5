/**
 * The benchmark suite (bin/bench): the service started in this process, open-model load on threads
 * of its own, never on a Reactor thread, and the report.
 */
@NullMarked
package sa.volunteering.bench;

import org.jspecify.annotations.NullMarked;
