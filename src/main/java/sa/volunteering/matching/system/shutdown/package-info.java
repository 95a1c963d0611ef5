/** Stopping an instance without failing the requests a balancer still sends it. */
@NullMarked
package sa.volunteering.matching.system.shutdown;

import org.jspecify.annotations.NullMarked;
