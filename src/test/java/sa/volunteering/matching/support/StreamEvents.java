package sa.volunteering.matching.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events of a result or live stream as a client reads them through {@link RawStream}, NDJSON or
 * Server-Sent Events alike, and what a test checks of a stream it resumed: hits lost, repeated,
 * added.
 */
public final class StreamEvents {

  private final JsonMapper json = JsonMapper.builder().build();

  /** One event of a stream, NDJSON or SSE: its type, the hit's id and cursor when it is a hit. */
  public record Event(String type, @Nullable String id, @Nullable String cursor) {}

  /** Events up to the {@code hits}-th hit. */
  public List<Event> read(RawStream stream, int hits) throws IOException {
    List<Event> events = new ArrayList<>();
    while (events.stream().filter(event -> event.id() != null).count() < hits) {
      Event event = next(stream);
      assertThat(event).as("the stream ended before " + hits + " hits").isNotNull();
      events.add(event);
    }
    return events;
  }

  /** What the client still receives before the connection ends (or says it is closing). */
  public List<Event> readUntilBroken(RawStream stream) {
    List<Event> events = new ArrayList<>();
    try (stream) {
      stream.timeout(Duration.ofSeconds(30));
      for (Event event = next(stream); event != null; event = next(stream)) {
        events.add(event);
        if (event.type().equals("closing") || event.type().equals("summary")) {
          break;
        }
      }
    } catch (IOException | RuntimeException broken) {
      // cut mid-event: what was read before counts, what was not will be asked for again
    }
    return events;
  }

  /** A whole stream, to its summary, on a connection of its own. */
  public List<Event> readAll(
      int port, String path, @Nullable String token, Map<String, String> headers, String accept)
      throws IOException {
    List<Event> events = new ArrayList<>();
    try (RawStream stream = new RawStream(port, path, accept, 256 * 1024, token, headers)) {
      assertThat(stream.status()).as(path).isEqualTo(200);
      for (Event event = next(stream); event != null; event = next(stream)) {
        events.add(event);
        if (event.type().equals("summary")) {
          break;
        }
      }
    }
    assertThat(events)
        .as("a summary ends " + path)
        .last()
        .extracting(Event::type)
        .isEqualTo("summary");
    return events;
  }

  /** The next event: an NDJSON line, or an SSE event up to its blank line; null at the end. */
  public @Nullable Event next(RawStream stream) throws IOException {
    String line = stream.line();
    while (line != null && (line.isEmpty() || line.startsWith(":"))) {
      line = stream.line();
    }
    if (line == null) {
      return null;
    }
    if (line.startsWith("{")) {
      JsonNode node = json.readTree(line);
      String type = node.path("type").asString();
      return type.equals("hit")
          ? new Event(
              type,
              node.path("hit")
                  .path("opportunity")
                  .path("id")
                  .asString(node.path("hit").path("id").asString()),
              node.path("cursor").asString())
          : new Event(type, null, null);
    }
    String type = "message";
    String id = null;
    String data = null;
    for (; line != null && !line.isEmpty(); line = stream.line()) {
      if (line.startsWith("id: ")) {
        id = line.substring(4);
      } else if (line.startsWith("event: ")) {
        type = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data = line.substring(6);
      }
    }
    if (line == null && data == null) {
      return null;
    }
    return type.equals("hit") && data != null
        ? new Event(type, json.readTree(data).path("id").asString(), id)
        : new Event(type, null, null);
  }

  /** The cursor of the last hit, to resume after. */
  public static String lastCursor(List<Event> events) {
    return events.stream()
        .filter(event -> event.cursor() != null)
        .reduce((first, second) -> second)
        .map(Event::cursor)
        .orElseThrow();
  }

  /** The ids of the hits, in order. */
  public static List<String> ids(List<Event> events) {
    return events.stream().map(Event::id).filter(id -> id != null).toList();
  }

  /**
   * Hits of the reference (one undisturbed read before the load) not received, hits received more
   * than once, and hits of opportunities the load published since (which a resumed stream may
   * rightly contain).
   */
  public record Check(int lost, int repeated, int added) {
    public static Check of(List<String> reference, List<String> received) {
      Set<String> seen = new HashSet<>();
      int repeated = 0;
      for (String id : received) {
        if (!seen.add(id)) {
          repeated++;
        }
      }
      Set<String> lost = new HashSet<>(reference);
      lost.removeAll(seen);
      Set<String> added = new HashSet<>(seen);
      reference.forEach(added::remove);
      return new Check(lost.size(), repeated, added.size());
    }
  }
}
