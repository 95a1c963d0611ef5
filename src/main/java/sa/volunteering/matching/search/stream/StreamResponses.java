package sa.volunteering.matching.search.stream;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import sa.volunteering.matching.system.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a stream of events as the client negotiated, with heartbeats; reads the cursor and limit
 * it resumes from.
 */
@Component
public class StreamResponses {

  private final JsonMapper json;
  private final StreamProperties limits;
  private final OpenStreams open;

  StreamResponses(JsonMapper json, StreamProperties limits, OpenStreams open) {
    this.json = json;
    this.limits = limits;
    this.open = open;
  }

  public ResponseEntity<Flux<DataBuffer>> respond(
      ServerWebExchange exchange, Flux<StreamEvent> events) {
    return written(exchange, open.track(Heartbeats.around(events, limits.heartbeat())));
  }

  private ResponseEntity<Flux<DataBuffer>> written(
      ServerWebExchange exchange, Flux<StreamEvent> events) {
    StreamFormat format = StreamFormat.negotiate(exchange.getRequest().getHeaders().getAccept());
    Flux<DataBuffer> body =
        events.map(
            event -> DefaultDataBufferFactory.sharedInstance.wrap(format.write(event, json)));
    return ResponseEntity.ok()
        .contentType(format.mediaType)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Accel-Buffering", "no")
        .body(body);
  }

  /**
   * The cursor to resume after: SSE's {@code Last-Event-ID} header, else {@code after=}. A browser
   * sends the header only when it reconnects, to the URL it first opened, so the header is the
   * later position of the two: a page that opened {@code ?after=A} and lost its connection after
   * hit B resumes after B, not again after A.
   */
  public @Nullable Cursor after(
      @Nullable String afterParameter, ServerWebExchange exchange, String sortName) {
    String header = exchange.getRequest().getHeaders().getFirst("Last-Event-ID");
    String token = header != null ? header : afterParameter;
    return Cursor.decodeIfPresent(
        token, sortName, header != null ? "Last-Event-ID" : "after", json);
  }

  /** How many hits a stream may send: the request's limit, never above the configured cap. */
  public int limit(@Nullable Integer requested) {
    int cap = limits.maxHits();
    if (requested == null) {
      return cap;
    }
    if (requested < 1 || requested > cap) {
      throw Problems.invalidField("limit", "Range", "limit: must be between 1 and " + cap);
    }
    return requested;
  }
}
