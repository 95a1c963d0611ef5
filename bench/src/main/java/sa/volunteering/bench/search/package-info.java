/**
 * Search, streaming and scaling measured against the same requests sent straight to Elasticsearch.
 */
@NullMarked
package sa.volunteering.bench.search;

import org.jspecify.annotations.NullMarked;
