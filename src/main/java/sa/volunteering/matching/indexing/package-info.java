/**
 * The indexer: drains the outbox into Elasticsearch, batch by batch, always indexing the current
 * state of each aggregate with its PostgreSQL version as an external version.
 */
@NullMarked
package sa.volunteering.matching.indexing;

import org.jspecify.annotations.NullMarked;
