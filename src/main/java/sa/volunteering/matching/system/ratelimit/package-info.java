/**
 * Requests per principal and per client address, bounded by token buckets: 429 with Retry-After
 * beyond them.
 */
@NullMarked
package sa.volunteering.matching.system.ratelimit;

import org.jspecify.annotations.NullMarked;
