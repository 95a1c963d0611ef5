/**
 * Opportunity search for volunteers: free text in Arabic, English or both, filters and facets,
 * paged results with highlights, autocomplete, and every hit of a query streamed as NDJSON or
 * Server-Sent Events.
 */
@NullMarked
package sa.volunteering.matching.search.opportunities;

import org.jspecify.annotations.NullMarked;
