package sa.volunteering.matching.opportunity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
@Tag(name = "Opportunities")
class OpportunityController {

  private final OpportunityService opportunities;
  private final ApiProperties limits;

  OpportunityController(OpportunityService opportunities, ApiProperties limits) {
    this.opportunities = opportunities;
    this.limits = limits;
  }

  @PostMapping("/api/organizations/{organizationId}/opportunities")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Draft an opportunity for an organization (its members, admins)")
  Mono<OpportunityView> create(
      Actor actor,
      @PathVariable UUID organizationId,
      @Valid @RequestBody OpportunityRequest request) {
    return opportunities.create(actor, organizationId, request);
  }

  @GetMapping("/api/organizations/{organizationId}/opportunities")
  @Operation(summary = "An organization's opportunities (drafts only for its members and admins)")
  Mono<Page<OpportunityView>> list(
      Actor actor,
      @PathVariable UUID organizationId,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    return opportunities.listByOrganization(
        actor, organizationId, PageRequest.of(page, size, limits));
  }

  @GetMapping("/api/opportunities/{id}")
  @Operation(summary = "Read an opportunity")
  Mono<OpportunityView> get(Actor actor, @PathVariable UUID id) {
    return opportunities.visible(actor, id);
  }

  @PutMapping("/api/opportunities/{id}")
  @Operation(summary = "Update an opportunity; send the version you read")
  Mono<OpportunityView> update(
      Actor actor, @PathVariable UUID id, @Valid @RequestBody OpportunityRequest request) {
    return opportunities.update(actor, id, request);
  }

  @PostMapping("/api/opportunities/{id}/publish")
  @Operation(summary = "Publish a draft")
  Mono<OpportunityView> publish(Actor actor, @PathVariable UUID id) {
    return opportunities.publish(actor, id);
  }

  @PostMapping("/api/opportunities/{id}/close")
  @Operation(summary = "Close an opportunity")
  Mono<OpportunityView> close(Actor actor, @PathVariable UUID id) {
    return opportunities.close(actor, id);
  }

  @DeleteMapping("/api/opportunities/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a draft")
  Mono<Void> delete(Actor actor, @PathVariable UUID id) {
    return opportunities.delete(actor, id);
  }
}
