package sa.volunteering.matching.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.stream.StreamEvent;
import sa.volunteering.matching.search.stream.StreamResponses;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.system.web.ApiProperties;
import sa.volunteering.matching.system.web.PageRequest;

/**
 * The platform's indicators (docs/indicators.md): public totals, grouped views for organizations
 * and administrators, live totals.
 */
@RestController
@Tag(name = "Indicators")
class StatsController {

  private static final String MONTH =
      "A month, YYYY-MM (Riyadh time); periods are whole months, both ends included";

  private final StatsService stats;
  private final LiveStats live;
  private final StreamResponses streams;
  private final ApiProperties pages;

  StatsController(
      StatsService stats, LiveStats live, StreamResponses streams, ApiProperties pages) {
    this.stats = stats;
    this.live = live;
    this.streams = streams;
    this.pages = pages;
  }

  @GetMapping("/api/stats")
  @Operation(summary = "The platform's indicators over a period (all time by default); public")
  Mono<Summary> summary(
      @Parameter(description = MONTH) @RequestParam(required = false) @Nullable String from,
      @Parameter(description = MONTH) @RequestParam(required = false) @Nullable String to) {
    return stats.summary(Period.of(from, to));
  }

  @GetMapping("/api/stats/breakdown")
  @Operation(
      summary = "Indicators grouped by field, city, region, month or organization",
      description =
          "Administrators see the whole platform, or one organization with organization=; a member of an organization"
              + " sees their own organization only.")
  Mono<Breakdown> breakdown(
      Actor actor,
      @RequestParam(required = false) @Nullable String by,
      @RequestParam(required = false) @Nullable UUID organization,
      @Parameter(description = MONTH) @RequestParam(required = false) @Nullable String from,
      @Parameter(description = MONTH) @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    actor.requireOrganizationRole(); // who may ask, before what was asked is checked
    return stats.breakdown(
        actor,
        Dimension.of(by),
        organization,
        Period.of(from, to),
        PageRequest.of(page, size, pages));
  }

  @GetMapping(
      path = "/api/stats/live",
      produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_NDJSON_VALUE})
  @Operation(
      summary =
          "The platform's indicators now, then again whenever they change (at most once per app.stats.live-every)",
      description =
          "Server-Sent Events (event: indicators) or NDJSON ({\"type\":\"indicators\",...}); ends only when the client leaves.")
  ResponseEntity<Flux<DataBuffer>> live(
      @Parameter(description = MONTH) @RequestParam(required = false) @Nullable String from,
      @Parameter(description = MONTH) @RequestParam(required = false) @Nullable String to,
      ServerWebExchange exchange) {
    Period period = Period.of(from, to);
    return streams.respond(
        exchange, live.follow(period).map(summary -> new StreamEvent.State("indicators", summary)));
  }
}
