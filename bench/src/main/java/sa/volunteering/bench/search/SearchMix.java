package sa.volunteering.bench.search;

import java.net.http.HttpRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import sa.volunteering.bench.Scale;
import sa.volunteering.bench.Workload;

/** The search mix of {@link SearchLoadMeasurement}, for any service. */
@Component
class SearchMix implements Workload {

  private final SearchBenchmark search;

  SearchMix(SearchBenchmark search) {
    this.search = search;
  }

  @Override
  public String name() {
    return "search mix";
  }

  @Override
  public String key() {
    return "search";
  }

  @Override
  public List<HttpRequest> requests(String base) {
    return search.probes(SearchLoadMeasurement.PROBES, SearchLoadMeasurement.SEED).stream()
        .map(probe -> search.service(base, probe))
        .toList();
  }

  @Override
  public List<Double> rates(Scale scale) {
    return scale.searchRates();
  }
}
