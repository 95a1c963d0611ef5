package sa.volunteering.bench.match;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.AdminToken;
import sa.volunteering.bench.Bench;
import sa.volunteering.bench.Cpu;
import sa.volunteering.bench.Measurement;
import sa.volunteering.bench.NdjsonRead;
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
    NdjsonRead run = stream(bench, id, limit);
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

  private NdjsonRead stream(Bench bench, String opportunity, int limit) throws Exception {
    return NdjsonRead.of(
        bench.http(),
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
            .build());
  }
}
