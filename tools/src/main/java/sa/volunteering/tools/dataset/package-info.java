/** Synthetic platform data: a seeded generator, NDJSON files, and the importer that loads them. */
@NullMarked
package sa.volunteering.tools.dataset;

import org.jspecify.annotations.NullMarked;
