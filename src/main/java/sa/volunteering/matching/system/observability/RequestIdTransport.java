package sa.volunteering.matching.system.observability;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The service's transport, adding the calling request's id to each Elasticsearch request as {@code
 * X-Opaque-Id}.
 */
public final class RequestIdTransport implements ElasticsearchTransport {

  static final String OPAQUE_ID = "X-Opaque-Id";

  private final ElasticsearchTransport delegate;

  public RequestIdTransport(ElasticsearchTransport delegate) {
    this.delegate = delegate;
  }

  @Override
  public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
      RequestT request,
      Endpoint<RequestT, ResponseT, ErrorT> endpoint,
      @Nullable TransportOptions options)
      throws IOException {
    return delegate.performRequest(request, endpoint, withId(options));
  }

  @Override
  public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
      RequestT request,
      Endpoint<RequestT, ResponseT, ErrorT> endpoint,
      @Nullable TransportOptions options) {
    return delegate.performRequestAsync(request, endpoint, withId(options));
  }

  private @Nullable TransportOptions withId(@Nullable TransportOptions options) {
    String id = RequestIds.calling();
    if (id == null) {
      return options;
    }
    return (options == null ? delegate.options() : options)
        .with(builder -> builder.setHeader(OPAQUE_ID, id));
  }

  @Override
  public JsonpMapper jsonpMapper() {
    return delegate.jsonpMapper();
  }

  @Override
  public TransportOptions options() {
    return delegate.options();
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
