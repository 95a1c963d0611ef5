package sa.volunteering.matching.search.client;

import java.io.IOException;

/**
 * No answer came from the cluster: no node took the connection, or one closed it or fell silent
 * before answering. The request may or may not have reached Elasticsearch.
 */
public final class ClusterUnreachableException extends IOException {

  ClusterUnreachableException(String method, String path, Throwable cause) {
    super("Elasticsearch did not answer " + method + " " + path + ": " + cause, cause);
  }
}
