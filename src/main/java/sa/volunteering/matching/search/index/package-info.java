/**
 * The search indexes: definitions from index-mappings/, creation behind aliases, drift detection.
 */
@NullMarked
package sa.volunteering.matching.search.index;

import org.jspecify.annotations.NullMarked;
