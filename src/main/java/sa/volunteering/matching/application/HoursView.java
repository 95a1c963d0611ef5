package sa.volunteering.matching.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Logged hours, as both the volunteer and the organization see them. */
record HoursView(
    UUID id,
    UUID applicationId,
    LocalDate workedOn,
    BigDecimal hours,
    @Nullable String note,
    String status,
    @Nullable String disputeReason,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
