package sa.volunteering.matching.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.system.web.ApiProperties;
import sa.volunteering.matching.system.web.Page;
import sa.volunteering.matching.system.web.PageRequest;

@RestController
@Tag(name = "Applications and hours")
class ApplicationController {

  private final ApplicationService applications;
  private final HoursService hours;
  private final ApiProperties limits;

  ApplicationController(ApplicationService applications, HoursService hours, ApiProperties limits) {
    this.applications = applications;
    this.hours = hours;
    this.limits = limits;
  }

  @PostMapping("/api/opportunities/{opportunityId}/applications")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Apply to an opportunity (volunteer)")
  Mono<ApplicationView> apply(
      Actor actor, @PathVariable UUID opportunityId, @Valid @RequestBody ApplyRequest request) {
    return applications.apply(actor, opportunityId, request);
  }

  @GetMapping("/api/opportunities/{opportunityId}/applications")
  @Operation(
      summary = "Applicants of an opportunity, with contact details (its organization, admins)")
  Mono<Page<ApplicantView>> applicants(
      Actor actor,
      @PathVariable UUID opportunityId,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    return applications.applicants(actor, opportunityId, PageRequest.of(page, size, limits));
  }

  @GetMapping("/api/volunteers/me/applications")
  @Operation(summary = "The caller's applications (volunteer)")
  Mono<Page<ApplicationView>> mine(
      Actor actor,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    return applications.mine(actor, PageRequest.of(page, size, limits));
  }

  @PostMapping("/api/applications/{id}/withdraw")
  @Operation(summary = "Withdraw an application (its volunteer)")
  Mono<ApplicationView> withdraw(Actor actor, @PathVariable UUID id) {
    return applications.withdraw(actor, id);
  }

  @PostMapping("/api/applications/{id}/accept")
  @Operation(summary = "Accept an application, taking a seat (the organization)")
  Mono<ApplicationView> accept(Actor actor, @PathVariable UUID id) {
    return applications.accept(actor, id);
  }

  @PostMapping("/api/applications/{id}/reject")
  @Operation(summary = "Reject an application (the organization)")
  Mono<ApplicationView> reject(Actor actor, @PathVariable UUID id) {
    return applications.reject(actor, id);
  }

  @PostMapping("/api/applications/{id}/complete")
  @Operation(summary = "Mark an accepted application completed (the organization)")
  Mono<ApplicationView> complete(Actor actor, @PathVariable UUID id) {
    return applications.complete(actor, id);
  }

  @PostMapping("/api/applications/{id}/hours")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Log hours for an accepted application (the organization)")
  Mono<HoursView> logHours(
      Actor actor, @PathVariable UUID id, @Valid @RequestBody HoursRequest request) {
    return hours.log(actor, id, request);
  }

  @GetMapping("/api/applications/{id}/hours")
  @Operation(summary = "Hours of an application (its volunteer, its organization)")
  Mono<List<HoursView>> hoursOf(Actor actor, @PathVariable UUID id) {
    return hours.ofApplication(actor, id);
  }

  @GetMapping("/api/volunteers/me/hours")
  @Operation(summary = "The caller's hours (volunteer)")
  Mono<Page<HoursView>> myHours(
      Actor actor,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    return hours.mine(actor, PageRequest.of(page, size, limits));
  }

  @PostMapping("/api/hours/{id}/verify")
  @Operation(summary = "Confirm logged hours (the volunteer who gave them)")
  Mono<HoursView> verify(Actor actor, @PathVariable UUID id) {
    return hours.verify(actor, id);
  }

  @PostMapping("/api/hours/{id}/dispute")
  @Operation(summary = "Dispute logged hours (the volunteer who gave them)")
  Mono<HoursView> dispute(
      Actor actor, @PathVariable UUID id, @Valid @RequestBody DisputeRequest request) {
    return hours.dispute(actor, id, request);
  }
}
