package sa.volunteering.matching.application;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A volunteer's application; the motivation is optional. */
record ApplyRequest(@Nullable @Size(max = 2000) String motivation) {}
