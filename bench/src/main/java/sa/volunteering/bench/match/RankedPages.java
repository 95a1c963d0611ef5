package sa.volunteering.bench.match;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.volunteering.bench.AdminToken;
import sa.volunteering.bench.Http;
import sa.volunteering.bench.Scale;
import sa.volunteering.bench.Workload;

/**
 * The first page of a volunteer's matches, or of an opportunity's candidates, for the seeded
 * samples {@link MatchBenchmark} measures, for any service.
 */
final class RankedPages implements Workload {

  /** Which samples a mix asks about, and the path it asks for each one's page. */
  private interface Sampled {
    List<Samples.Sample> of(Samples samples) throws IOException;
  }

  private final String name;
  private final String key;
  private final Sampled sampled;
  private final String path;
  private final Samples samples;
  private final AdminToken admin;

  private RankedPages(
      String name, String key, Sampled sampled, String path, Samples samples, AdminToken admin) {
    this.name = name;
    this.key = key;
    this.sampled = sampled;
    this.path = path;
    this.samples = samples;
    this.admin = admin;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public List<HttpRequest> requests(String base) throws IOException {
    String bearer = admin.bearer();
    return sampled.of(samples).stream()
        .map(sample -> Http.get(base + path.replace("{id}", sample.id()), bearer))
        .toList();
  }

  @Override
  public List<Double> rates(Scale scale) {
    return scale.matchRates();
  }

  @Configuration(proxyBeanMethods = false)
  static class Mixes {

    @Bean
    Workload matchesMix(Samples samples, AdminToken admin) {
      return new RankedPages(
          "a volunteer's matches",
          "matches",
          s -> s.volunteers(MatchBenchmark.SAMPLES),
          "/api/volunteers/{id}/matches",
          samples,
          admin);
    }

    @Bean
    Workload candidatesMix(Samples samples, AdminToken admin) {
      return new RankedPages(
          "an opportunity's candidates",
          "candidates",
          s -> s.opportunities(MatchBenchmark.SAMPLES),
          "/api/opportunities/{id}/candidates",
          samples,
          admin);
    }
  }
}
