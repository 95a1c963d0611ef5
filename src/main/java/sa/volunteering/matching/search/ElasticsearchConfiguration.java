package sa.volunteering.matching.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.volunteering.matching.system.observability.RequestIdTransport;

/**
 * Spring Boot builds the blocking client on the service's transport ({@code search.client});
 * request paths use the asynchronous client on the same transport (one connection pool), wrapped
 * lazily: {@code Mono.fromFuture(() -> ...)}. Each of its requests names the service's request it
 * serves ({@code X-Opaque-Id}).
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

  @Bean
  ElasticsearchAsyncClient elasticsearchAsyncClient(ElasticsearchTransport transport) {
    return new ElasticsearchAsyncClient(new RequestIdTransport(transport));
  }
}
