import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

/**
 * One search body sent to Elasticsearch over and over, each round interleaving four clients: the JDK's
 * HttpClient, Reactor Netty's (with and without TCP_NODELAY set), and a plain socket that writes the
 * request in one write. Prints each client's median per round of 300.
 *
 * <p>unzip -q -o target/opportunity-matching-0.1.0-SNAPSHOT-exec.jar 'BOOT-INF/lib/*' -d /tmp/lib
 * java -cp '/tmp/lib/BOOT-INF/lib/*' bench/scripts/HttpHop.java BODY.json [SEARCH_URL]
 */
public class HttpHop {
  static void raw(java.net.Socket s, byte[] request) throws Exception {
    s.getOutputStream().write(request);
    java.io.InputStream in = s.getInputStream();
    StringBuilder h = new StringBuilder();
    while (!h.toString().endsWith("\r\n\r\n")) h.append((char) in.read());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(h);
    if (m.find()) { in.readNBytes(Integer.parseInt(m.group(1))); return; }
    while (true) {
      StringBuilder line = new StringBuilder();
      while (!line.toString().endsWith("\r\n")) line.append((char) in.read());
      int size = Integer.parseInt(line.toString().trim(), 16);
      in.readNBytes(size + 2);
      if (size == 0) return;
    }
  }

  public static void main(String[] args) throws Exception {
    byte[] body = Files.readAllBytes(Path.of(args[0]));
    String url = args.length > 1 ? args[1] : "http://127.0.0.1:9200/after-opportunities/_search?typed_keys=true";
    URI target = URI.create(url);
    HttpClient jdk = HttpClient.newHttpClient();
    reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create(ConnectionProvider.builder("x").maxConnections(4).build())
        .headers(h -> h.set("Content-Type", "application/json").set("Content-Length", body.length));
    reactor.netty.http.client.HttpClient nodelay = netty.option(ChannelOption.TCP_NODELAY, true);
    java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort());
    socket.setTcpNoDelay(true);
    byte[] head = ("POST " + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes();
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length); System.arraycopy(body, 0, request, head.length, body.length);
    for (int round = 0; round < 4; round++) {
      double[] a = new double[300], b = new double[300], c = new double[300], d = new double[300];
      for (int i = 0; i < 300; i++) {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = jdk.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        long t1 = System.nanoTime();
        byte[] n = netty.post().uri(url).send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body))).responseSingle((res, content) -> content.asByteArray()).block();
        long t2 = System.nanoTime();
        byte[] m = nodelay.post().uri(url).send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body))).responseSingle((res, content) -> content.asByteArray()).block();
        long t3 = System.nanoTime();
        long t4 = System.nanoTime();
        raw(socket, request);
        d[i] = (System.nanoTime() - t4) / 1e6;
        a[i] = (t1 - t0) / 1e6; b[i] = (t2 - t1) / 1e6; c[i] = (t3 - t2) / 1e6;
        if (r.statusCode() != 200 || n.length < 1000 || m.length < 1000) throw new IllegalStateException(r.statusCode() + " " + new String(n));
      }
      Arrays.sort(a); Arrays.sort(b); Arrays.sort(c); Arrays.sort(d);
      System.out.printf("median ms: JDK client %.2f, Reactor Netty %.2f, Reactor Netty TCP_NODELAY %.2f; one-write socket %.2f%n", a[150], b[150], c[150], d[150]);
    }
    System.exit(0);
  }
}
