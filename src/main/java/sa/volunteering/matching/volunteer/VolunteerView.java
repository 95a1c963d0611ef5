package sa.volunteering.matching.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A volunteer as they themselves (or an administrator) see their profile: never the national ID.
 */
public record VolunteerView(
    UUID id,
    @Nullable String fullName,
    @Nullable String phone,
    @Nullable String email,
    String cityCode,
    @Nullable Double lat,
    @Nullable Double lon,
    List<String> skillCodes,
    List<String> fieldCodes,
    List<String> languages,
    @Nullable LocalDate availableFrom,
    @Nullable LocalDate availableTo,
    List<String> weekdays,
    int travelKm,
    boolean remoteOk,
    String gender,
    LocalDate birthDate,
    String status,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
