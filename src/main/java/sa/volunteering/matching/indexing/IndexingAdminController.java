package sa.volunteering.matching.indexing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.system.web.ApiProperties;
import sa.volunteering.matching.system.web.Page;
import sa.volunteering.matching.system.web.PageRequest;

/** Where operators see the changes the indexer gave up on, and send them back. */
@RestController
@RequestMapping("/api/admin/indexing")
@Tag(name = "Administration")
class IndexingAdminController {

  private final OutboxQueue queue;
  private final ApiProperties limits;

  IndexingAdminController(OutboxQueue queue, ApiProperties limits) {
    this.queue = queue;
    this.limits = limits;
  }

  @GetMapping("/failures")
  @Operation(summary = "Changes that could not be indexed, newest first (admin)")
  Mono<Page<IndexingFailure>> failures(
      Actor actor,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    actor.requireAdmin();
    PageRequest request = PageRequest.of(page, size, limits);
    return Page.of(queue.parked(request), queue.countParked(), request);
  }

  @PostMapping("/failures/{id}/retry")
  @Operation(summary = "Put a parked change back in the queue (admin)")
  Mono<Map<String, Object>> retry(Actor actor, @PathVariable long id) {
    actor.requireAdmin();
    return queue
        .unpark(id)
        .map(requeued -> Map.<String, Object>of("id", requeued, "status", "queued"))
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Parked change", id)));
  }
}
