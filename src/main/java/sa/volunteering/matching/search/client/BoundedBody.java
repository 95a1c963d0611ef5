package sa.volunteering.matching.search.client;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * An answer's bytes as they arrive, up to a limit: one array, sized by {@code Content-Length} when
 * the answer has one, each chunk copied once.
 */
final class BoundedBody {

  private static final int UNKNOWN_LENGTH_START = 8 * 1024;

  private final long limit;
  private byte[] bytes;
  private int size;

  BoundedBody(long expectedLength, long limit) {
    this.limit = limit;
    this.bytes =
        new byte
            [(int)
                Math.min(
                    limit, expectedLength >= 0 ? expectedLength : (long) UNKNOWN_LENGTH_START)];
  }

  /** Reads the chunk (the caller keeps and releases it). */
  void append(ByteBuf chunk) {
    int length = chunk.readableBytes();
    if (size + (long) length > limit) {
      throw new ResponseTooLargeException(limit);
    }
    if (size + length > bytes.length) {
      bytes =
          Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(size + length, bytes.length * 2L)));
    }
    chunk.getBytes(chunk.readerIndex(), bytes, size, length);
    size += length;
  }

  byte[] bytes() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  static final class ResponseTooLargeException extends RuntimeException {
    ResponseTooLargeException(long limit) {
      super(
          "Elasticsearch answered with more than "
              + limit
              + " bytes (app.elasticsearch.client.max-response-size)");
    }
  }
}
