package sa.volunteering.matching.indexing;

import java.util.UUID;

/** A claimed outbox row. */
record OutboxRow(long id, String type, UUID aggregateId, long version, int attempts) {}
