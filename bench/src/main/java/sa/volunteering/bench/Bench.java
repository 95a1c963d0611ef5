package sa.volunteering.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What every measurement of a run shares: its scale, where the service and Elasticsearch are, one
 * HTTP client, and the generated data set's directory (for the raw loader), when there is one.
 */
public record Bench(
    Scale scale, String service, String elasticsearch, HttpClient http, @Nullable Path dataset) {}
