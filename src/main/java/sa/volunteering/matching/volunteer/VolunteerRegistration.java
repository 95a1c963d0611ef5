package sa.volunteering.matching.volunteer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Registration: the profile and the national ID, which is hashed at once and never stored or
 * logged.
 */
record VolunteerRegistration(
    @NotBlank @Size(max = 20) String nationalId, @NotNull @Valid VolunteerProfile profile) {

  @Override
  public String toString() {
    return "VolunteerRegistration[nationalId=<hidden>, profile=<hidden>]";
  }
}
