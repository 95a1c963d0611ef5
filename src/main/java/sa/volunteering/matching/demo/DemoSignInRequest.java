package sa.volunteering.matching.demo;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * @param as {@code volunteer} (id of an active volunteer) or {@code member} (id of an active
 *     organization)
 */
record DemoSignInRequest(
    @NotNull @Pattern(regexp = "volunteer|member", message = "must be volunteer or member")
        String as,
    @NotNull UUID id) {}
