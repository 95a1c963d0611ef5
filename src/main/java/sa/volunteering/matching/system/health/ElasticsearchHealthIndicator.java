package sa.volunteering.matching.system.health;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cat.nodes.NodesRecord;
import co.elastic.clients.elasticsearch.cat.plugins.PluginsRecord;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.Elasticsearch;

/** UP when the cluster is green or yellow and every node carries the Arabic analysis plugin. */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator implements ReactiveHealthIndicator {

  private final ElasticsearchAsyncClient client;
  private final HealthProperties properties;

  ElasticsearchHealthIndicator(ElasticsearchAsyncClient client, HealthProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  @Override
  public Mono<Health> health() {
    Mono<HealthResponse> cluster = Elasticsearch.call(() -> client.cluster().health());
    Mono<List<NodesRecord>> nodes =
        Elasticsearch.call(() -> client.cat().nodes(n -> n.h("name", "version")))
            .map(response -> response.nodes());
    Mono<List<PluginsRecord>> plugins =
        Elasticsearch.call(() -> client.cat().plugins()).map(response -> response.plugins());
    return Mono.zip(cluster, nodes, plugins)
        .map(all -> describe(all.getT1(), all.getT2(), all.getT3()))
        .timeout(properties.timeout())
        .onErrorResume(
            error -> Mono.just(Health.down().withDetail("error", error.toString()).build()));
  }

  private Health describe(
      HealthResponse cluster, List<NodesRecord> nodes, List<PluginsRecord> plugins) {
    List<String> versions = nodes.stream().map(NodesRecord::version).distinct().toList();
    long nodesWithPlugin =
        plugins.stream()
            .filter(plugin -> properties.requiredPlugin().equals(plugin.component()))
            .map(PluginsRecord::name)
            .distinct()
            .count();
    boolean pluginEverywhere = !nodes.isEmpty() && nodesWithPlugin == nodes.size();
    Health.Builder health =
        cluster.status() == HealthStatus.Red || !pluginEverywhere ? Health.down() : Health.up();
    health
        .withDetail("cluster", cluster.clusterName())
        .withDetail("status", cluster.status().jsonValue())
        .withDetail("nodes", nodes.size())
        .withDetail("version", versions.size() == 1 ? versions.get(0) : versions)
        .withDetail(
            "analysisPlugin",
            properties.requiredPlugin()
                + (pluginEverywhere
                    ? " installed"
                    : " MISSING on " + (nodes.size() - nodesWithPlugin) + " node(s)"));
    return health.build();
  }
}
