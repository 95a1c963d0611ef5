package sa.volunteering.matching.application;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Hours an organization logs for an accepted volunteer, for one day. */
record HoursRequest(
    @NotNull @PastOrPresent LocalDate workedOn,
    @NotNull @DecimalMin("0.25") @DecimalMax("24") BigDecimal hours,
    @Nullable @Size(max = 1000) String note) {}
