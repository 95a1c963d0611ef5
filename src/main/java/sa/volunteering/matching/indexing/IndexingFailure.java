package sa.volunteering.matching.indexing;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row the indexer gave up on, with why; an administrator can put it back in the queue.
 */
record IndexingFailure(
    long id,
    String aggregateType,
    UUID aggregateId,
    long version,
    int attempts,
    String reason,
    Instant createdAt,
    Instant parkedAt) {}
