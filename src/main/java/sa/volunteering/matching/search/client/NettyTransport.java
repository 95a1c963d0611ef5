package sa.volunteering.matching.search.client;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import co.elastic.clients.transport.instrumentation.NoopInstrumentation;
import org.jspecify.annotations.Nullable;

/** The Elasticsearch client's transport over {@link ReactorNettyHttpClient}. */
public final class NettyTransport extends ElasticsearchTransportBase {

  public NettyTransport(ReactorNettyHttpClient http, JsonpMapper mapper) {
    this(http, null, mapper, NoopInstrumentation.INSTANCE);
  }

  private NettyTransport(
      ReactorNettyHttpClient http,
      @Nullable TransportOptions options,
      JsonpMapper mapper,
      Instrumentation instrumentation) {
    super(http, options, mapper, instrumentation);
  }

  @Override
  protected ElasticsearchTransportBase cloneWith(
      @Nullable TransportOptions options,
      @Nullable JsonpMapper mapper,
      @Nullable Instrumentation instrumentation) {
    return new NettyTransport(
        (ReactorNettyHttpClient) httpClient(),
        options == null ? transportOptions : options,
        mapper == null ? jsonpMapper() : mapper,
        instrumentation == null ? this.instrumentation : instrumentation);
  }
}
