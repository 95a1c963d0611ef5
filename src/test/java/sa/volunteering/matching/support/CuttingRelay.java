package sa.volunteering.matching.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay on loopback in front of the service, for a browser: it passes bytes both ways
 * untouched, records the head of every request it relays, and, once asked, cuts the connection of
 * the next Server-Sent Events stream whose request line contains a given text right after its n-th
 * hit event: the browser sees its stream dropped mid-response.
 */
public final class CuttingRelay implements AutoCloseable {

  private static final byte[] EVENT = "event: hit\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] END = "\n\n".getBytes(StandardCharsets.ISO_8859_1);

  /** The head (request line and headers) of every request relayed, in order of arrival. */
  public final Queue<String> requests = new ConcurrentLinkedQueue<>();

  private record Cut(String requestLineContains, int afterEvents) {}

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final AtomicReference<Cut> pending = new AtomicReference<>();
  private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
  private volatile int cuts;

  public CuttingRelay(int targetPort) throws IOException {
    this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("relay-accept").start(this::accept);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /**
   * Cuts the next stream whose request line contains {@code text}, after its {@code events}-th hit.
   */
  public void cutNext(String text, int events) {
    pending.set(new Cut(text, events));
  }

  /** How many streams were cut. */
  public int cuts() {
    return cuts;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        Connection connection = new Connection(client, upstream);
        Thread.ofVirtual().start(connection::requests);
        Thread.ofVirtual().start(connection::responses);
      } catch (IOException closed) {
        return;
      }
    }
  }

  /**
   * One browser connection; HTTP/1.1 without pipelining, so a response follows the request read
   * before it.
   */
  private final class Connection {

    private final Socket client;
    private final Socket upstream;
    private volatile Cut armed;

    Connection(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void requests() {
      StringBuilder head = new StringBuilder();
      try (InputStream in = client.getInputStream();
          OutputStream out = upstream.getOutputStream()) {
        byte[] buffer = new byte[8192];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          head.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
          for (int end = head.indexOf("\r\n\r\n"); end >= 0; end = head.indexOf("\r\n\r\n")) {
            String request = head.substring(0, end);
            head.delete(0, end + 4);
            requests.add(request);
            Cut cut = pending.get();
            if (cut != null
                && request.lines().findFirst().orElse("").contains(cut.requestLineContains())
                && pending.compareAndSet(cut, null)) {
              armed = cut;
            }
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException ended) {
        // either side closed
      } finally {
        closeBoth();
      }
    }

    void responses() {
      try (InputStream in = upstream.getInputStream();
          OutputStream out = client.getOutputStream()) {
        byte[] buffer = new byte[8192];
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          Cut cut = armed;
          if (cut == null) {
            out.write(buffer, 0, read);
            out.flush();
            continue;
          }
          int before = seen.size();
          seen.write(buffer, 0, read);
          int cutAt = endOfEvent(seen.toByteArray(), cut.afterEvents());
          if (cutAt < 0) {
            out.write(buffer, 0, read);
            out.flush();
            continue;
          }
          out.write(buffer, 0, cutAt - before);
          out.flush();
          // the browser reads and dispatches the events first: data that arrives together with the
          // end of a broken
          // response may be dropped with it; then a FIN, not a reset that could discard what is
          // still unread
          Thread.sleep(500);
          client.shutdownOutput();
          Thread.sleep(200);
          cuts++;
          return;
        }
      } catch (IOException ended) {
        // either side closed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        closeBoth();
      }
    }

    private void closeBoth() {
      try {
        client.close();
      } catch (IOException ignored) {
        // already closed
      }
      try {
        upstream.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  /** The offset just past the n-th hit event in the bytes, or -1 when it has not all arrived. */
  static int endOfEvent(byte[] bytes, int n) {
    int from = 0;
    for (int event = 0; event < n; event++) {
      int start = indexOf(bytes, EVENT, from);
      if (start < 0) {
        return -1;
      }
      int end = indexOf(bytes, END, start);
      if (end < 0) {
        return -1;
      }
      from = end + END.length;
    }
    return from;
  }

  private static int indexOf(byte[] bytes, byte[] wanted, int from) {
    outer:
    for (int i = from; i <= bytes.length - wanted.length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (bytes[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
