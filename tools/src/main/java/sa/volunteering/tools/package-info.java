/**
 * Command-line tools on the service's own code, without serving requests: bin/dataset and
 * bin/reindex.
 */
@NullMarked
package sa.volunteering.tools;

import org.jspecify.annotations.NullMarked;
