package sa.volunteering.matching.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 client that reads a streamed response line by line, only when asked, over a socket
 * whose receive buffer is small: so that a test can be the slow reader that a WebClient, which
 * reads ahead, cannot be.
 */
public final class RawStream implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final int status;
  private final boolean chunked;
  private final Map<String, String> headers = new HashMap<>();
  private int chunkLeft;
  private boolean ended;

  public RawStream(int port, String pathAndQuery, String accept, int receiveBufferBytes)
      throws IOException {
    this(port, pathAndQuery, accept, receiveBufferBytes, null);
  }

  /** The same with a bearer token. */
  public RawStream(
      int port, String pathAndQuery, String accept, int receiveBufferBytes, @Nullable String token)
      throws IOException {
    this(port, pathAndQuery, accept, receiveBufferBytes, token, Map.of());
  }

  /** The same with more request headers ({@code Last-Event-ID}, ...). */
  public RawStream(
      int port,
      String pathAndQuery,
      String accept,
      int receiveBufferBytes,
      @Nullable String token,
      Map<String, String> requestHeaders)
      throws IOException {
    socket = new Socket();
    socket.setReceiveBufferSize(receiveBufferBytes);
    socket.setSoTimeout(30_000);
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET "
                + pathAndQuery
                + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + port
                + "\r\nAccept: "
                + accept
                + (token == null ? "" : "\r\nAuthorization: Bearer " + token)
                + requestHeaders.entrySet().stream()
                    .map(header -> "\r\n" + header.getKey() + ": " + header.getValue())
                    .collect(java.util.stream.Collectors.joining())
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    in = socket.getInputStream();
    String statusLine = rawLine();
    status = Integer.parseInt(statusLine.split(" ")[1]);
    boolean isChunked = false;
    for (String header = rawLine(); !header.isEmpty(); header = rawLine()) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.put(
            header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).strip());
      }
      if (header.toLowerCase().startsWith("transfer-encoding:")
          && header.toLowerCase().contains("chunked")) {
        isChunked = true;
      }
    }
    chunked = isChunked;
  }

  public int status() {
    return status;
  }

  /** A response header, by its name in any case; null when absent. */
  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The next line of the body, without its line break; null at its end. */
  public @Nullable String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = bodyByte(); b != -1; b = bodyByte()) {
      if (b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }

  private int bodyByte() throws IOException {
    if (!chunked) {
      return in.read();
    }
    if (ended) {
      return -1;
    }
    if (chunkLeft == 0) {
      String size = rawLine();
      if (size.isEmpty()) {
        size = rawLine();
      }
      chunkLeft = Integer.parseInt(size.split(";")[0].strip(), 16);
      if (chunkLeft == 0) {
        ended = true;
        return -1;
      }
    }
    chunkLeft--;
    return in.read();
  }

  private String rawLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  /** Whether body bytes have arrived that were not read yet. */
  public boolean pending() throws IOException {
    return in.available() > 0;
  }

  /** How long {@link #line} waits for bytes before it fails. */
  public void timeout(java.time.Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
