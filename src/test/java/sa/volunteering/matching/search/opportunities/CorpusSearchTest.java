package sa.volunteering.matching.search.opportunities;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import sa.volunteering.matching.indexing.OutboxIndexer;
import sa.volunteering.matching.support.Api;
import sa.volunteering.matching.support.IntegrationTest;

/**
 * A test of the search API on the shared {@link SearchCorpus}, published and indexed before its
 * first test.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorpusSearchTest {

  @LocalServerPort int port;

  @Autowired OutboxIndexer indexer;

  @Autowired ElasticsearchClient elasticsearch;

  Api api;
  SearchCorpus corpus;

  @BeforeAll
  void buildCorpus() throws Exception {
    api = new Api(port);
    corpus = SearchCorpus.build(api, indexer, elasticsearch);
  }
}
