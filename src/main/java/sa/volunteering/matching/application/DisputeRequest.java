package sa.volunteering.matching.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a volunteer disputes logged hours. */
record DisputeRequest(@NotBlank @Size(max = 1000) String reason) {}
