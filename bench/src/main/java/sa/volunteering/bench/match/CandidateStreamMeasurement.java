package sa.volunteering.bench.match;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.AdminToken;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Cpu;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.Report;

/**
 * An opportunity's candidates streamed to the end of a long list: hits a second, and what
 * Elasticsearch spent on it. A remote opportunity is chosen, since every volunteer who takes remote
 * work may be its candidate.
 */
@Component
class CandidateStreamMeasurement implements Measurement {

  private final Samples samples;
  private final AdminToken admin;

  CandidateStreamMeasurement(Samples samples, AdminToken admin) {
    this.samples = samples;
    this.admin = admin;
  }

  @Override
  public int order() {
    return 32;
  }

  /** What one streamed read gave. */
  record Run(long hits, double seconds, double firstByteMillis) {}

  @Override
  public Report.Section measure(Bench bench) throws Exception {
    Report.Section section = new Report.Section("A long stream of candidates");
    List<Samples.Sample> remote = samples.remoteOpportunities(1);
    if (remote.isEmpty()) {
      return section.paragraph("Nothing to measure: no open remote opportunity.");
    }
    String id = remote.getFirst().id();
    int limit = bench.scale().candidateStream();
    stream(bench, id, Math.min(1_000, limit));
    double elastic0 = Cpu.elasticsearch(bench.http(), bench.elasticsearch());
    double service0 = Cpu.service();
    Run run = stream(bench, id, limit);
    double elastic = Cpu.elasticsearch(bench.http(), bench.elasticsearch()) - elastic0;
    double service = Cpu.service() - service0;
    return section
        .paragraph(
            "The candidates of one open remote opportunity (seeded sample), `…/candidates/stream?limit="
                + limit
                + "` read as NDJSON to its end by one client, after a read of 1,000.")
        .table(
            List.of(
                "hits",
                "seconds",
                "hits a second",
                "first byte (ms)",
                "Elasticsearch CPU (s)",
                "service process CPU (s)"),
            List.of(
                List.of(
                    String.format(java.util.Locale.ROOT, "%,d", run.hits()),
                    Report.number(run.seconds()),
                    Report.number(run.hits() / run.seconds()),
                    Report.number(run.firstByteMillis()),
                    Report.number(elastic),
                    Report.number(service))));
  }

  private Run stream(Bench bench, String opportunity, int limit) throws Exception {
    long start = System.nanoTime();
    HttpResponse<InputStream> response =
        bench
            .http()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            bench.service()
                                + "/api/opportunities/"
                                + opportunity
                                + "/candidates/stream?limit="
                                + limit))
                    .header("Accept", "application/x-ndjson")
                    .header("Authorization", admin.bearer())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the candidate stream answered " + response.statusCode());
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
    return new Run(hits, (System.nanoTime() - start) / 1e9, firstByte);
  }
}
