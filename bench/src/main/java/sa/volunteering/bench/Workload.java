package sa.volunteering.bench;

import java.net.http.HttpRequest;
import java.util.List;

/**
 * A mix of requests a measurement can send to any running service: the same list, in the same
 * order, for whichever base address it is given.
 */
public interface Workload {

  /** What the mix is, for the report. */
  String name();

  /** A short name to choose the mix by, on a command line. */
  String key();

  /** The mix, addressed to the service at {@code base} (e.g. {@code http://127.0.0.1:8080}). */
  List<HttpRequest> requests(String base) throws Exception;

  /** The rates, in requests a second, the suite sends this mix at, lowest first. */
  List<Double> rates(Scale scale);
}
