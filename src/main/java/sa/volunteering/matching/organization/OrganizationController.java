package sa.volunteering.matching.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.system.web.ApiProperties;
import sa.volunteering.matching.system.web.Page;
import sa.volunteering.matching.system.web.PageRequest;

@RestController
@RequestMapping("/api/organizations")
@Tag(name = "Organizations")
class OrganizationController {

  private final OrganizationService organizations;
  private final ApiProperties limits;

  OrganizationController(OrganizationService organizations, ApiProperties limits) {
    this.organizations = organizations;
    this.limits = limits;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an organization (admin)")
  Mono<OrganizationView> create(Actor actor, @Valid @RequestBody OrganizationRequest request) {
    return organizations.create(actor, request);
  }

  @GetMapping
  @Operation(summary = "List organizations")
  Mono<Page<OrganizationView>> list(
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    return organizations.list(PageRequest.of(page, size, limits));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read an organization")
  Mono<OrganizationView> get(@PathVariable UUID id) {
    return organizations.find(id);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Update an organization (admin); send the version you read")
  Mono<OrganizationView> update(
      Actor actor, @PathVariable UUID id, @Valid @RequestBody OrganizationRequest request) {
    return organizations.update(actor, id, request);
  }

  @PostMapping("/{id}/close")
  @Operation(summary = "Close an organization (admin)")
  Mono<OrganizationView> close(Actor actor, @PathVariable UUID id) {
    return organizations.close(actor, id);
  }
}
