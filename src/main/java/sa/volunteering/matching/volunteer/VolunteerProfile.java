package sa.volunteering.matching.volunteer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The editable part of a volunteer: contact details and what ranking needs. Registration adds the
 * national ID ({@link VolunteerRegistration}); an update carries the {@code version} it was read
 * at.
 */
record VolunteerProfile(
    @NotBlank @Size(max = 200) String fullName,
    @NotBlank
        @Pattern(
            regexp = "(\\+9665|05)[0-9]{8}",
            message = "must be a Saudi mobile number, 05XXXXXXXX or +9665XXXXXXXX")
        String phone,
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Size(max = 64) String cityCode,
    @Nullable @DecimalMin("-90") @DecimalMax("90") Double lat,
    @Nullable @DecimalMin("-180") @DecimalMax("180") Double lon,
    @NotNull @Size(max = 50) List<@NotBlank @Size(max = 64) String> skillCodes,
    @NotNull @Size(max = 30) List<@NotBlank @Size(max = 64) String> fieldCodes,
    @NotNull @Size(max = 10)
        List<
                @Pattern(
                    regexp = "[a-z]{2}",
                    message = "must be an ISO 639-1 code such as ar or en")
                String>
            languages,
    @Nullable LocalDate availableFrom,
    @Nullable LocalDate availableTo,
    @NotNull @Size(max = 7)
        List<
                @Pattern(
                    regexp = "mon|tue|wed|thu|fri|sat|sun",
                    message = "must be one of mon, tue, wed, thu, fri, sat, sun")
                String>
            weekdays,
    @NotNull @Min(0) @Max(2000) Integer travelKm,
    @NotNull Boolean remoteOk,
    @NotNull @Pattern(regexp = "male|female", message = "must be male or female") String gender,
    @NotNull @Past LocalDate birthDate,
    @Nullable @PositiveOrZero Long version) {}
