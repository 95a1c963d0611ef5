package sa.volunteering.matching.search.opportunities;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.stream.Cursor;
import sa.volunteering.matching.search.stream.StreamResponses;
import sa.volunteering.matching.system.problem.Problems;
import sa.volunteering.matching.system.web.ApiProperties;

/** Opportunity search, open to everyone: what is published is public. */
@RestController
@Tag(name = "Opportunity search")
class OpportunitySearchController {

  private final QueryParser parser;
  private final OpportunitySearch search;
  private final StreamResponses streams;
  private final Suggester suggester;
  private final ApiProperties pages;
  private final OpportunitySearchProperties limits;

  OpportunitySearchController(
      QueryParser parser,
      OpportunitySearch search,
      StreamResponses streams,
      Suggester suggester,
      ApiProperties pages,
      OpportunitySearchProperties limits) {
    this.parser = parser;
    this.search = search;
    this.streams = streams;
    this.suggester = suggester;
    this.pages = pages;
    this.limits = limits;
  }

  @GetMapping("/api/opportunities/search")
  @Operation(
      summary =
          "Search published opportunities with seats left: text in Arabic or English, filters, facets, highlights",
      description =
          "Labels follow Accept-Language (ar or en). page × size + size is at most app.search.opportunities.max-window; "
              + "read deeper results from /api/opportunities/search/stream.")
  Mono<SearchResult> search(
      @ParameterObject SearchParameters parameters, ServerWebExchange exchange) {
    OpportunityQuery query = parser.parse(parameters);
    QueryParser.Paging paging =
        parser.paging(parameters, pages.defaultPageSize(), pages.maxPageSize());
    return search.search(query, paging, Language.of(exchange));
  }

  @GetMapping(
      path = "/api/opportunities/search/stream",
      produces = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
  @Operation(
      summary =
          "Every hit of a search, streamed as NDJSON or Server-Sent Events, read at the client's pace",
      description =
          "Each hit carries a cursor; resume after it with after= (or Last-Event-ID for SSE). Ends with a summary.")
  ResponseEntity<Flux<DataBuffer>> stream(
      @ParameterObject SearchParameters parameters,
      @Parameter(description = "SSE reconnection: the cursor of the last hit received")
          @RequestHeader(name = "Last-Event-ID", required = false)
          @Nullable String lastEventId,
      @Parameter(
              description =
                  "mark the text's matches in each hit, as the search does (a long stream takes about twice as long)")
          @RequestParam(required = false)
          @Nullable Boolean highlight,
      @Parameter(
              description =
                  "labels in ar or en, for clients that cannot set Accept-Language (a browser's EventSource)")
          @RequestParam(required = false)
          @Nullable String lang,
      ServerWebExchange exchange) {
    OpportunityQuery query = parser.parse(parameters);
    int limit = streams.limit(parameters.limit());
    Cursor after = streams.after(parameters.after(), exchange, query.sort().code());
    return streams.respond(
        exchange,
        search.stream(query, after, limit, Language.of(exchange), Boolean.TRUE.equals(highlight)));
  }

  @GetMapping("/api/opportunities/suggest")
  @Operation(
      summary =
          "Autocomplete across cities, fields, skills, organizations and opportunity titles, in Arabic or English")
  Mono<Map<String, Object>> suggest(
      @RequestParam(required = false) @Nullable String prefix,
      @RequestParam(required = false) @Nullable Integer size) {
    String typed = prefix == null ? "" : prefix.replaceAll("\\p{Cntrl}", " ").strip();
    OpportunitySearchProperties.Suggest rules = limits.suggest();
    if (typed.isEmpty()) {
      throw Problems.invalidField("prefix", "NotBlank", "prefix: must not be blank");
    }
    if (typed.codePointCount(0, typed.length()) > rules.maxPrefixLength()) {
      throw Problems.invalidField(
          "prefix", "Size", "prefix: must be at most " + rules.maxPrefixLength() + " characters");
    }
    int count = size == null ? rules.defaultSize() : size;
    if (count < 1 || count > rules.maxSize()) {
      throw Problems.invalidField(
          "size", "Range", "size: must be between 1 and " + rules.maxSize());
    }
    return suggester
        .suggest(typed, count)
        .map(suggestions -> Map.of("prefix", typed, "suggestions", suggestions));
  }
}
