/**
 * Every hit of a query streamed through a point in time and {@code search_after}, at the client's
 * pace, as NDJSON or Server-Sent Events, with cursors to resume from: shared by search and
 * matching.
 */
@NullMarked
package sa.volunteering.matching.search.stream;

import org.jspecify.annotations.NullMarked;
