package sa.volunteering.matching.indexing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.security.Actor;

/**
 * Full reindex for administrators: start one, read its state, or follow it as a stream, on any
 * instance (decision 0022).
 */
@RestController
@RequestMapping("/api/admin/reindex")
@Tag(name = "Administration")
class ReindexController {

  /**
   * What to rebuild, in batches of {@code batchSize}, pausing {@code throttleMillis} between them.
   */
  record ReindexRequest(
      @NotBlank String index,
      @Nullable @Min(1) @Max(10000) Integer batchSize,
      @Nullable @Min(0) @Max(60000) Integer throttleMillis,
      @Nullable Boolean keepOld) {}

  private final Reindexer reindexer;
  private final IndexingProperties properties;
  private final ReindexProperties reindex;

  ReindexController(Reindexer reindexer, IndexingProperties properties, ReindexProperties reindex) {
    this.reindexer = reindexer;
    this.properties = properties;
    this.reindex = reindex;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Start a full reindex of opportunities or volunteers (admin)")
  Mono<ReindexJob.Progress> start(Actor actor, @Valid @RequestBody ReindexRequest request) {
    actor.requireAdmin();
    return reindexer
        .start(
            request.index(),
            request.batchSize() == null ? properties.batchSize() : request.batchSize(),
            Duration.ofMillis(request.throttleMillis() == null ? 0 : request.throttleMillis()),
            Boolean.TRUE.equals(request.keepOld()))
        .map(ReindexJob::progress);
  }

  @GetMapping("/{job}")
  @Operation(summary = "State of a reindex (admin)")
  Mono<ReindexJob.Progress> status(Actor actor, @PathVariable String job) {
    actor.requireAdmin();
    return reindexer.job(job);
  }

  @GetMapping(path = "/{job}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "Progress of a reindex as server-sent events, until it ends (admin)")
  Flux<ServerSentEvent<ReindexJob.Progress>> progress(Actor actor, @PathVariable String job) {
    actor.requireAdmin();
    return reindexer
        .job(job)
        .flatMapMany(
            first ->
                Flux.interval(Duration.ZERO, reindex.progressInterval())
                    .concatMap(tick -> reindexer.job(job)))
        .takeUntil(progress -> !progress.state().equals("RUNNING"))
        .map(
            progress ->
                ServerSentEvent.builder(progress)
                    .event("progress")
                    .id(String.valueOf(progress.done()))
                    .build());
  }
}
