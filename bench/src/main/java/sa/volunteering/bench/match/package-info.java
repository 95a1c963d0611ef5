/** Matches and candidates measured against a plain filtered search on the same index. */
@NullMarked
package sa.volunteering.bench.match;

import org.jspecify.annotations.NullMarked;
