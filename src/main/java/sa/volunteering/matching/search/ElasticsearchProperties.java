package sa.volunteering.matching.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the service spends Elasticsearch: requests made for users ({@code search}: searches,
 * suggestions, streams, matches) and the indexer's ({@code indexing}: bulk writes, reindexing) each
 * have lanes of their own, so that a flood of searches cannot take the connections and the time the
 * indexer needs. Their concurrencies together should stay within the client's connections per node
 * ({@code app.elasticsearch.client.connections}).
 */
@Validated
@ConfigurationProperties("app.elasticsearch")
public record ElasticsearchProperties(
    @Valid @NotNull LaneProperties search, @Valid @NotNull LaneProperties indexing) {}
