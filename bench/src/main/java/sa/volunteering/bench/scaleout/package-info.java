/**
 * Throughput of one, two and three service instances behind the balancer ({@code bin/scale-out}).
 */
@NullMarked
package sa.volunteering.bench.scaleout;

import org.jspecify.annotations.NullMarked;
