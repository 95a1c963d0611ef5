package sa.volunteering.matching.opportunity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A skill an opportunity asks for, weighted from 0.05 (nice to have) to 1 (essential). */
public record RequiredSkill(
    @NotBlank @Size(max = 64) String code,
    @NotNull @DecimalMin("0.05") @DecimalMax("1.0") BigDecimal weight) {}
