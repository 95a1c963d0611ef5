package sa.volunteering.matching.search.client;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The transport every Elasticsearch client of the service shares, in place of Spring Boot's: the
 * nodes and credentials come from Spring Boot's connection details (so a test container's service
 * connection works as it would with Spring Boot's), the time bounds from {@code
 * spring.elasticsearch.*}, the pool's from {@link ClientProperties}.
 */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

  @Bean
  ElasticsearchTransport elasticsearchTransport(
      ElasticsearchConnectionDetails connection,
      ElasticsearchProperties timeouts,
      ClientProperties bounds,
      JsonpMapper mapper) {
    if (connection.getSslBundle() != null) {
      throw new IllegalStateException(
          "an SSL bundle for Elasticsearch is not supported; name https:// nodes, whose"
              + " certificates the JVM's trust store accepts");
    }
    List<URI> bases =
        connection.getNodes().stream().map(node -> base(node, connection.getPathPrefix())).toList();
    return new NettyTransport(
        ReactorNettyHttpClient.create(
            bases,
            credentials(connection),
            timeouts.getConnectionTimeout(),
            timeouts.getSocketTimeout(),
            timeouts.isSocketKeepAlive(),
            bounds),
        mapper);
  }

  private static URI base(ElasticsearchConnectionDetails.Node node, @Nullable String pathPrefix) {
    String scheme =
        node.protocol() == ElasticsearchConnectionDetails.Node.Protocol.HTTPS ? "https" : "http";
    String prefix = pathPrefix == null ? "" : "/" + pathPrefix.replaceAll("^/+|/+$", "");
    return URI.create(
        scheme + "://" + node.hostname() + ":" + node.port() + (prefix.equals("/") ? "" : prefix));
  }

  private static Map<String, String> credentials(ElasticsearchConnectionDetails connection) {
    if (connection.getApiKey() != null) {
      return Map.of("Authorization", "ApiKey " + connection.getApiKey());
    }
    if (connection.getUsername() != null) {
      String pair =
          connection.getUsername()
              + ":"
              + (connection.getPassword() == null ? "" : connection.getPassword());
      return Map.of(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return Map.of();
  }
}
