package sa.volunteering.matching.opportunity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Create or update an opportunity; an update carries the {@code version} it was read at. */
record OpportunityRequest(
    @NotBlank @Size(min = 3, max = 200) String titleAr,
    @Nullable @Size(min = 3, max = 200) String titleEn,
    @NotBlank @Size(min = 10, max = 5000) String descriptionAr,
    @Nullable @Size(min = 10, max = 5000) String descriptionEn,
    @NotBlank @Size(max = 64) String fieldCode,
    @NotBlank @Size(max = 64) String cityCode,
    @Nullable @DecimalMin("-90") @DecimalMax("90") Double lat,
    @Nullable @DecimalMin("-180") @DecimalMax("180") Double lon,
    @NotNull
        @Pattern(
            regexp = "on_site|remote|hybrid",
            message = "must be one of on_site, remote, hybrid")
        String mode,
    @NotNull Instant startsAt,
    @NotNull Instant endsAt,
    @NotNull @DecimalMin("0.5") @DecimalMax("10000") BigDecimal hours,
    @NotNull @Min(1) @Max(100000) Integer seats,
    @Nullable @Pattern(regexp = "any|male|female", message = "must be one of any, male, female")
        String gender,
    @Nullable @Min(0) @Max(120) Integer minAge,
    @Nullable @Min(0) @Max(120) Integer maxAge,
    @NotNull @Size(max = 30) List<@NotNull @Valid RequiredSkill> requiredSkills,
    @Nullable @PositiveOrZero Long version) {

  String genderOrAny() {
    return gender == null ? "any" : gender;
  }
}
