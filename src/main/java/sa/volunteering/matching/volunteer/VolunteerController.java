package sa.volunteering.matching.volunteer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.Actor;

@RestController
@RequestMapping("/api/volunteers")
@Tag(name = "Volunteers")
class VolunteerController {

  private final VolunteerService volunteers;

  VolunteerController(VolunteerService volunteers) {
    this.volunteers = volunteers;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register the caller as a volunteer (once per national ID)")
  Mono<VolunteerView> register(
      Actor actor, @Valid @RequestBody VolunteerRegistration registration) {
    return volunteers.register(actor, registration);
  }

  @GetMapping("/me")
  @Operation(summary = "The caller's own profile")
  Mono<VolunteerView> me(Actor actor) {
    return volunteers.own(actor);
  }

  @PutMapping("/me")
  @Operation(summary = "Update the caller's own profile; send the version you read")
  Mono<VolunteerView> update(Actor actor, @Valid @RequestBody VolunteerProfile profile) {
    return volunteers.update(actor, profile);
  }

  @DeleteMapping("/me")
  @Operation(summary = "Close the caller's profile and erase their personal data")
  Mono<VolunteerView> close(Actor actor) {
    return volunteers.close(actor);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a volunteer (admin)")
  Mono<VolunteerView> get(Actor actor, @PathVariable UUID id) {
    return volunteers.byAdmin(actor, id);
  }
}
