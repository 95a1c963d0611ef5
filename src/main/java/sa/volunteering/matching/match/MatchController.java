package sa.volunteering.matching.match;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.opportunities.Language;
import sa.volunteering.matching.search.opportunities.OpportunityQuery;
import sa.volunteering.matching.search.opportunities.QueryParser;
import sa.volunteering.matching.search.opportunities.SearchParameters;
import sa.volunteering.matching.search.stream.StreamResponses;
import sa.volunteering.matching.security.Actor;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.system.web.ApiProperties;
import sa.volunteering.matching.system.web.Page;

/**
 * Matching both ways. A volunteer's matches are theirs (and admins'); an opportunity's candidates
 * are its organization's (and admins'), as masked cards.
 */
@RestController
@Tag(name = "Matching")
class MatchController {

  private static final String APPLICANTS =
      "first: the opportunity's applicants first, ranked among themselves; flagged (default):"
          + " flagged `applied` where they rank";
  private static final String INCLUDE_APPLIED =
      "true: also the opportunities the volunteer applied to, flagged `applied` (default: left out)";

  private final MatchService matching;
  private final ShownLists shown;
  private final LiveMatches live;
  private final QueryParser parser;
  private final StreamResponses streams;
  private final ApiProperties pages;

  MatchController(
      MatchService matching,
      ShownLists shown,
      LiveMatches live,
      QueryParser parser,
      StreamResponses streams,
      ApiProperties pages) {
    this.matching = matching;
    this.shown = shown;
    this.live = live;
    this.parser = parser;
    this.streams = streams;
    this.pages = pages;
  }

  @GetMapping("/api/volunteers/{id}/matches")
  @Operation(
      summary =
          "Opportunities ranked for a volunteer (the volunteer, admins), each explained; text and filters refine them")
  Mono<Page<MatchHit>> matches(
      Actor actor,
      @PathVariable UUID id,
      @ParameterObject SearchParameters refinement,
      @Parameter(description = INCLUDE_APPLIED) @RequestParam(defaultValue = "false")
          boolean includeApplied,
      ServerWebExchange exchange) {
    requireSelfOrAdmin(actor, id);
    OpportunityQuery query = refine(refinement);
    QueryParser.Paging paging =
        parser.paging(refinement, pages.defaultPageSize(), pages.maxPageSize());
    return matching
        .volunteer(actor, id)
        .flatMap(
            volunteer ->
                matching
                    .matches(volunteer, query, paging, includeApplied, Language.of(exchange))
                    .doOnNext(page -> shown.matches(volunteer.id(), page, paging.from())));
  }

  @GetMapping(
      path = "/api/volunteers/{id}/matches/stream",
      produces = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
  @Operation(
      summary = "Every match of a volunteer, best first, streamed as NDJSON or Server-Sent Events")
  ResponseEntity<Flux<DataBuffer>> matchStream(
      Actor actor,
      @PathVariable UUID id,
      @ParameterObject SearchParameters refinement,
      @Parameter(description = INCLUDE_APPLIED) @RequestParam(defaultValue = "false")
          boolean includeApplied,
      ServerWebExchange exchange) {
    requireSelfOrAdmin(actor, id);
    OpportunityQuery query = refine(refinement);
    int limit = streams.limit(refinement.limit());
    var after = streams.after(refinement.after(), exchange, MatchService.SORT);
    return streams.respond(
        exchange,
        matching
            .volunteer(actor, id)
            .flatMapMany(
                volunteer ->
                    shown.matchStream(
                        volunteer.id(),
                        matching.matchStream(
                            volunteer,
                            query,
                            after,
                            limit,
                            includeApplied,
                            Language.of(exchange)))));
  }

  @GetMapping(
      path = "/api/volunteers/{id}/matches/live",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "New matches as they are published or changed (Server-Sent Events)",
      description =
          "An event arrives when an opportunity is indexed whose match score, without text, reaches app.matching.live-threshold"
              + " of the highest possible.")
  ResponseEntity<Flux<DataBuffer>> liveMatches(
      Actor actor, @PathVariable UUID id, ServerWebExchange exchange) {
    requireSelfOrAdmin(actor, id);
    return streams.respond(
        exchange,
        matching
            .volunteer(actor, id)
            .flatMapMany(volunteer -> live.follow(volunteer, Language.of(exchange))));
  }

  @GetMapping("/api/opportunities/{id}/candidates")
  @Operation(
      summary =
          "Volunteers ranked for an opportunity (its organization, admins), as masked cards, each explained")
  Mono<Page<CandidateCard>> candidates(
      Actor actor,
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      @Parameter(description = APPLICANTS) @RequestParam(required = false)
          @Nullable String applicants,
      ServerWebExchange exchange) {
    QueryParser.Paging paging =
        parser.paging(pagingOnly(page, size), pages.defaultPageSize(), pages.maxPageSize());
    boolean first = applicantsFirst(applicants);
    return managed(actor, id)
        .flatMap(
            opportunity ->
                matching
                    .candidates(opportunity, paging, first, Language.of(exchange))
                    .doOnNext(found -> shown.candidates(opportunity.id(), found, paging.from())));
  }

  @GetMapping(
      path = "/api/opportunities/{id}/candidates/stream",
      produces = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
  @Operation(
      summary =
          "Every candidate of an opportunity, best first, streamed as NDJSON or Server-Sent Events")
  ResponseEntity<Flux<DataBuffer>> candidateStream(
      Actor actor,
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String after,
      @Parameter(description = APPLICANTS) @RequestParam(required = false)
          @Nullable String applicants,
      ServerWebExchange exchange) {
    int cap = streams.limit(limit);
    var cursor = streams.after(after, exchange, MatchService.SORT);
    boolean first = applicantsFirst(applicants);
    return streams.respond(
        exchange,
        managed(actor, id)
            .flatMapMany(
                opportunity ->
                    shown.candidateStream(
                        opportunity.id(),
                        matching.candidateStream(
                            opportunity, cursor, cap, first, Language.of(exchange)))));
  }

  /** Whether {@code applicants} asks for applicants first; 400 for anything but the two values. */
  private static boolean applicantsFirst(@Nullable String applicants) {
    if (applicants == null || applicants.equals("flagged")) {
      return false;
    }
    if (applicants.equals("first")) {
      return true;
    }
    throw Problems.invalidField(
        "applicants", "OneOf", "applicants: first or flagged (the default)");
  }

  /**
   * The opportunity, if the caller manages its organization; 401 or 403 before anything of it is
   * read out.
   */
  private Mono<OpportunityDoc> managed(Actor actor, UUID id) {
    actor.requireOrganizationRole();
    return matching.managedOpportunity(actor, id);
  }

  private static void requireSelfOrAdmin(Actor actor, UUID volunteer) {
    if (!actor.isVolunteer(volunteer) && !actor.isAdmin()) {
      throw actor.denied("A volunteer's matches are theirs alone");
    }
  }

  private OpportunityQuery refine(SearchParameters refinement) {
    if (refinement.sort() != null && !"relevance".equals(refinement.sort())) {
      throw Problems.invalidField("sort", "OneOf", "sort: matches are ranked by their match score");
    }
    return parser.parse(refinement);
  }

  private static SearchParameters pagingOnly(@Nullable Integer page, @Nullable Integer size) {
    return new SearchParameters(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, page, size, null, null);
  }
}
