package sa.volunteering.matching.search.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

class StreamFormatTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void serverSentEventsOnlyWhenPreferredOverNdjson() {
    assertThat(StreamFormat.negotiate(MediaType.parseMediaTypes("text/event-stream")))
        .isEqualTo(StreamFormat.SSE);
    assertThat(StreamFormat.negotiate(MediaType.parseMediaTypes("application/x-ndjson")))
        .isEqualTo(StreamFormat.NDJSON);
    assertThat(StreamFormat.negotiate(MediaType.parseMediaTypes("*/*")))
        .isEqualTo(StreamFormat.NDJSON);
    assertThat(
            StreamFormat.negotiate(
                MediaType.parseMediaTypes("application/x-ndjson;q=0.5, text/event-stream")))
        .isEqualTo(StreamFormat.SSE);
    assertThat(
            StreamFormat.negotiate(
                MediaType.parseMediaTypes("text/event-stream;q=0.4, application/x-ndjson")))
        .isEqualTo(StreamFormat.NDJSON);
    assertThat(StreamFormat.negotiate(MediaType.parseMediaTypes("text/*")))
        .isEqualTo(StreamFormat.SSE);
  }

  @Test
  void ndjsonIsOneTypedObjectPerLine() {
    assertThat(write(StreamFormat.NDJSON, new StreamEvent.HitEvent("c1", Map.of("id", "x"))))
        .isEqualTo("{\"type\":\"hit\",\"cursor\":\"c1\",\"hit\":{\"id\":\"x\"}}\n");
    assertThat(write(StreamFormat.NDJSON, new StreamEvent.Summary(3, false, 12)))
        .isEqualTo("{\"type\":\"summary\",\"count\":3,\"complete\":false,\"tookMs\":12}\n");
    assertThat(write(StreamFormat.NDJSON, new StreamEvent.Heartbeat()))
        .isEqualTo("{\"type\":\"heartbeat\"}\n");
    assertThat(write(StreamFormat.NDJSON, new StreamEvent.State("stats", Map.of("n", 1))))
        .isEqualTo("{\"type\":\"stats\",\"stats\":{\"n\":1}}\n");
    assertThat(write(StreamFormat.NDJSON, StreamEvent.Closing.SHUTDOWN))
        .isEqualTo("{\"type\":\"closing\",\"reason\":\"shutdown\"}\n");
  }

  @Test
  void serverSentEventsCarryTheCursorAsTheirIdAndTellWhenToReconnect() {
    assertThat(write(StreamFormat.SSE, new StreamEvent.HitEvent("c1", Map.of("id", "x"))))
        .isEqualTo("id: c1\nevent: hit\ndata: {\"id\":\"x\"}\n\n");
    assertThat(write(StreamFormat.SSE, new StreamEvent.Heartbeat())).isEqualTo(": heartbeat\n\n");
    assertThat(write(StreamFormat.SSE, new StreamEvent.State("stats", Map.of("n", 1))))
        .isEqualTo("event: stats\ndata: {\"n\":1}\n\n");
    assertThat(write(StreamFormat.SSE, StreamEvent.Closing.SHUTDOWN))
        .isEqualTo(
            "event: closing\nretry: "
                + StreamFormat.RECONNECT_AFTER_MS
                + "\ndata: {\"reason\":\"shutdown\"}\n\n");
    assertThat(write(StreamFormat.SSE, new StreamEvent.Summary(3, true, 12)))
        .startsWith("event: summary\ndata: {")
        .endsWith("}\n\n")
        .contains("\"count\":3")
        .contains("\"complete\":true")
        .contains("\"tookMs\":12");
  }

  @Test
  void arabicTextStaysUtf8() {
    assertThat(
            write(
                StreamFormat.NDJSON,
                new StreamEvent.HitEvent("c", Map.of("title", "تنظيم الحشود"))))
        .contains("تنظيم الحشود");
  }

  private static String write(StreamFormat format, StreamEvent event) {
    return new String(format.write(event, JSON), StandardCharsets.UTF_8);
  }
}
