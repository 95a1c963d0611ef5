package sa.volunteering.matching.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create or update an organization; an update carries the {@code version} it was read at. */
record OrganizationRequest(
    @NotBlank @Size(max = 200) String nameAr,
    @NotBlank @Size(max = 200) String nameEn,
    @NotBlank @Size(max = 64) String cityCode,
    @NotNull
        @Pattern(
            regexp = "government|nonprofit|private|academic|community",
            message = "must be one of government, nonprofit, private, academic, community")
        String kind,
    @Nullable Boolean verified,
    @Nullable @PositiveOrZero Long version) {

  boolean isVerified() {
    return Boolean.TRUE.equals(verified);
  }
}
