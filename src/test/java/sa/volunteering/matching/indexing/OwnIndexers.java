package sa.volunteering.matching.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.reactive.TransactionalOperator;
import sa.volunteering.matching.search.ElasticsearchLanes;
import sa.volunteering.matching.system.PostgresNotifications;

/**
 * Indexers built from a test context's parts, for the fault tests: they run in a JVM whose
 * background indexer is off and start, stop and break indexers of their own.
 */
final class OwnIndexers {

  private OwnIndexers() {}

  static OutboxIndexer indexer(ApplicationContext context, IndexingProperties properties) {
    return indexer(context, context.getBean(ElasticsearchAsyncClient.class), properties);
  }

  /** An indexer that reaches Elasticsearch through this client (a faulty proxy's, say). */
  static OutboxIndexer indexer(
      ApplicationContext context, ElasticsearchAsyncClient client, IndexingProperties properties) {
    return new OutboxIndexer(
        context.getBean(OutboxQueue.class),
        context.getBean(DocumentLoader.class),
        bulk(context, client, properties),
        context.getBean(TransactionalOperator.class),
        context.getBean(PostgresNotifications.class),
        context.getBean(IndexedOpportunities.class),
        context.getBean(ChangedDocuments.class),
        properties);
  }

  static BulkIndexer bulk(ApplicationContext context, IndexingProperties properties) {
    return bulk(context, context.getBean(ElasticsearchAsyncClient.class), properties);
  }

  static BulkIndexer bulk(
      ApplicationContext context, ElasticsearchAsyncClient client, IndexingProperties properties) {
    return new BulkIndexer(client, context.getBean(ElasticsearchLanes.class), properties);
  }
}
