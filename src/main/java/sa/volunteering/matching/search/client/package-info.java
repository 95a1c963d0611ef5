/**
 * The Elasticsearch client's HTTP transport on Reactor Netty: requests leave from the caller's
 * thread without taking a lock, and answers are decoded on the same event loops the service's own
 * server runs on, so no call to Elasticsearch needs a thread of its own (decision 0024).
 */
@NullMarked
package sa.volunteering.matching.search.client;

import org.jspecify.annotations.NullMarked;
