package sa.volunteering.matching.search.client;

import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.util.BinaryData;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An answer read whole: its status, headers and body. */
record NettyResponse(
    TransportHttpClient.Node node, int statusCode, HttpHeaders headers, byte[] content)
    implements TransportHttpClient.Response {

  @Override
  public @Nullable String header(String name) {
    return headers.get(name);
  }

  @Override
  public List<String> headers(String name) {
    return headers.getAll(name);
  }

  /** None when the answer has no content (a HEAD request's answer never has). */
  @Override
  public @Nullable BinaryData body() {
    if (content.length == 0) {
      return null;
    }
    String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
    return BinaryData.of(content, type == null ? "application/octet-stream" : type);
  }

  @Override
  public @Nullable Object originalResponse() {
    return null;
  }

  @Override
  public void close() {}
}
