/** The indicators' questions and the cost of keeping them current. */
@NullMarked
package sa.volunteering.bench.stats;

import org.jspecify.annotations.NullMarked;
