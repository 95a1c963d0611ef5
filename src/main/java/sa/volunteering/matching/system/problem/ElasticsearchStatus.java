package sa.volunteering.matching.system.problem;

/**
 * The HTTP status Elasticsearch answered a failed call with: what the problem answers and the
 * indexer's retries go by.
 */
public final class ElasticsearchStatus {

  private ElasticsearchStatus() {}

  /** The status of Elasticsearch's answer to a failed call, or 0 when it did not answer. */
  public static int of(Throwable failure) {
    if (failure instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException refused) {
      return refused.status();
    }
    if (failure instanceof co.elastic.clients.transport.TransportException refused) {
      return refused.statusCode();
    }
    return 0;
  }
}
