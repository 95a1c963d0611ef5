/** Elasticsearch access shared by the search and matching features. */
@NullMarked
package sa.volunteering.matching.search;

import org.jspecify.annotations.NullMarked;
