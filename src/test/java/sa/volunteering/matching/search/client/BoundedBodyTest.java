package sa.volunteering.matching.search.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

  @Test
  void chunksOfAnAnswerOfUnknownLengthAreJoinedInOrder() {
    BoundedBody body = new BoundedBody(-1, 1 << 20);
    StringBuilder expected = new StringBuilder();
    for (int chunk = 0; chunk < 2000; chunk++) {
      String text = "chunk " + chunk + ";";
      expected.append(text);
      body.append(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
  }

  @Test
  void anAnswerOfDeclaredLengthFillsItsArrayExactly() {
    BoundedBody body = new BoundedBody(10, 100);
    body.append(Unpooled.wrappedBuffer("01234".getBytes(StandardCharsets.UTF_8)));
    body.append(Unpooled.wrappedBuffer("56789".getBytes(StandardCharsets.UTF_8)));
    assertThat(body.bytes()).hasSize(10).asString().isEqualTo("0123456789");
  }

  @Test
  void aChunkPastTheLimitIsRefused() {
    BoundedBody body = new BoundedBody(-1, 8);
    body.append(Unpooled.wrappedBuffer(new byte[8]));
    assertThatThrownBy(() -> body.append(Unpooled.wrappedBuffer(new byte[1])))
        .isInstanceOf(BoundedBody.ResponseTooLargeException.class)
        .hasMessageContaining("more than 8 bytes");
  }
}
