package sa.volunteering.matching.search.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * How stream events are written: NDJSON, one typed object per line ({@code
 * {"type":"hit","cursor":...,"hit":...}}), or Server-Sent Events, hits as {@code event: hit} with
 * their cursor as {@code id:} (so that a reconnecting browser resumes by itself), the summary as
 * {@code event: summary}, states as {@code event: <type>}, keep-alives as comments, and an early
 * end as {@code event: closing}, whose {@code retry:} tells a browser how soon to reconnect.
 */
public enum StreamFormat {
  NDJSON(MediaType.APPLICATION_NDJSON),
  SSE(MediaType.TEXT_EVENT_STREAM);

  /** How long a browser waits before it reconnects after a closing event. */
  static final int RECONNECT_AFTER_MS = 1000;

  public final MediaType mediaType;

  StreamFormat(MediaType mediaType) {
    this.mediaType = mediaType;
  }

  /**
   * Server-Sent Events when the client names them with a higher quality than NDJSON; NDJSON
   * otherwise.
   */
  public static StreamFormat negotiate(List<MediaType> accepted) {
    return quality(accepted, MediaType.TEXT_EVENT_STREAM)
            > quality(accepted, MediaType.APPLICATION_NDJSON)
        ? SSE
        : NDJSON;
  }

  private static double quality(List<MediaType> accepted, MediaType type) {
    return accepted.stream()
        .filter(range -> !range.isWildcardType() && range.includes(type))
        .mapToDouble(MediaType::getQualityValue)
        .max()
        .orElse(-1);
  }

  /**
   * The event's bytes. A hit's JSON is written as UTF-8 bytes straight away: through a string, the
   * text of a 100,000-hit stream was written as UTF-16 and encoded again (15 % of the process's
   * processor time while it streamed).
   */
  public byte[] write(StreamEvent event, JsonMapper json) {
    return switch (this) {
      case NDJSON -> ndjson(event, json);
      case SSE -> sse(event, json).getBytes(StandardCharsets.UTF_8);
    };
  }

  private static byte[] ndjson(StreamEvent event, JsonMapper json) {
    Map<String, Object> line = new LinkedHashMap<>();
    switch (event) {
      case StreamEvent.HitEvent hit -> {
        line.put("type", "hit");
        line.put("cursor", hit.cursor());
        line.put("hit", hit.hit());
      }
      case StreamEvent.Summary summary -> {
        line.put("type", "summary");
        line.put("count", summary.count());
        line.put("complete", summary.complete());
        line.put("tookMs", summary.tookMs());
      }
      case StreamEvent.Heartbeat heartbeat -> line.put("type", "heartbeat");
      case StreamEvent.State state -> {
        line.put("type", state.type());
        line.put(state.type(), state.state());
      }
      case StreamEvent.Closing closing -> {
        line.put("type", "closing");
        line.put("reason", closing.reason());
      }
    }
    byte[] written = json.writeValueAsBytes(line);
    byte[] withEnd = Arrays.copyOf(written, written.length + 1);
    withEnd[written.length] = '\n';
    return withEnd;
  }

  private static String sse(StreamEvent event, JsonMapper json) {
    return switch (event) {
      case StreamEvent.HitEvent hit ->
          "id: "
              + hit.cursor()
              + "\nevent: hit\ndata: "
              + json.writeValueAsString(hit.hit())
              + "\n\n";
      case StreamEvent.Summary summary ->
          "event: summary\ndata: "
              + json.writeValueAsString(
                  Map.of(
                      "count",
                      summary.count(),
                      "complete",
                      summary.complete(),
                      "tookMs",
                      summary.tookMs()))
              + "\n\n";
      case StreamEvent.Heartbeat heartbeat -> ": heartbeat\n\n";
      case StreamEvent.State state ->
          "event: " + state.type() + "\ndata: " + json.writeValueAsString(state.state()) + "\n\n";
      case StreamEvent.Closing closing ->
          "event: closing\nretry: "
              + RECONNECT_AFTER_MS
              + "\ndata: "
              + json.writeValueAsString(Map.of("reason", closing.reason()))
              + "\n\n";
    };
  }
}
