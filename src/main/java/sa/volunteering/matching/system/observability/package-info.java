/**
 * What an operator sees of a request: its id in every log line and Elasticsearch call, an access
 * log, metrics.
 */
@NullMarked
package sa.volunteering.matching.system.observability;

import org.jspecify.annotations.NullMarked;
