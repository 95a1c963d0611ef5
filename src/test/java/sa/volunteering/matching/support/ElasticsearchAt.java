package sa.volunteering.matching.support;

import java.net.URI;
import java.util.List;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;

/**
 * The connection details of one Elasticsearch address, for a test that puts a relay or a proxy in
 * front of the run's Elasticsearch. Declared as a {@code @Primary} bean, they win over {@code
 * spring.elasticsearch.uris} and over the containers' service connection alike, so the test means
 * the same in both modes of {@link TestStack}.
 */
public final class ElasticsearchAt {

  private ElasticsearchAt() {}

  public static ElasticsearchConnectionDetails address(URI uri) {
    ElasticsearchConnectionDetails.Node node =
        new ElasticsearchConnectionDetails.Node(
            uri.getHost(), uri.getPort(), ElasticsearchConnectionDetails.Node.Protocol.HTTP);
    return () -> List.of(node);
  }
}
