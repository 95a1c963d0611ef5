/** Two builds of the service measured under one load in the same seconds. */
@NullMarked
package sa.volunteering.bench.sidebyside;

import org.jspecify.annotations.NullMarked;
