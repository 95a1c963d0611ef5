package sa.volunteering.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * One NDJSON stream of the service read to its end: how many hits, how long, and when the first
 * line came.
 */
public record NdjsonRead(long hits, double seconds, double firstByteMillis) {

  public double perSecond() {
    return hits / seconds;
  }

  /** Sends the request and counts its hit lines until the stream ends; a non-200 answer fails. */
  public static NdjsonRead of(HttpClient http, HttpRequest request) throws Exception {
    long start = System.nanoTime();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      response.body().close();
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
    }
    long hits = 0;
    double firstByte = -1;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (firstByte < 0) {
          firstByte = (System.nanoTime() - start) / 1e6;
        }
        if (line.startsWith("{\"type\":\"hit\"")) {
          hits++;
        }
      }
    }
    return new NdjsonRead(hits, (System.nanoTime() - start) / 1e9, firstByte);
  }
}
