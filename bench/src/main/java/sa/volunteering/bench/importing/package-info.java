/** The import's indexing path measured against a raw _bulk loader. */
@NullMarked
package sa.volunteering.bench.importing;

import org.jspecify.annotations.NullMarked;
