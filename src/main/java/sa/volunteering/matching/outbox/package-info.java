/**
 * The transactional outbox: every change to an indexed aggregate is announced in its own
 * transaction.
 */
@NullMarked
package sa.volunteering.matching.outbox;

import org.jspecify.annotations.NullMarked;
