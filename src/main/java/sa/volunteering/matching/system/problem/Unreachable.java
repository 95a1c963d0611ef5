package sa.volunteering.matching.system.problem;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes a failure that says Elasticsearch or PostgreSQL could not be reached or is going away
 * (refused or reset connections, a server shutting down, a pool with no connection to give, a
 * cluster refusing work for now), as opposed to a fault of ours. Such a request did not take
 * effect, or PostgreSQL's transaction rolled it back: the client gets 503 and may retry.
 */
final class Unreachable {

  private static final Set<String> CONNECTION_FAILURES =
      Set.of(
          "java.net.ConnectException",
          "java.net.SocketException",
          "java.nio.channels.ClosedChannelException",
          "io.netty.channel.unix.Errors$NativeIoException",
          "sa.volunteering.matching.search.client.ClusterUnreachableException",
          "co.elastic.clients.transport.TransportException",
          "io.r2dbc.spi.R2dbcTransientResourceException",
          "io.r2dbc.spi.R2dbcNonTransientResourceException",
          "io.r2dbc.spi.R2dbcTimeoutException",
          "org.springframework.dao.DataAccessResourceFailureException",
          "org.springframework.dao.TransientDataAccessResourceException",
          "org.springframework.dao.QueryTimeoutException",
          "reactor.pool.PoolAcquireTimeoutException");

  private Unreachable() {}

  /**
   * What could not be reached, for the problem's detail, or null when the failure is not of that
   * kind.
   */
  static @Nullable String dependency(Throwable failure) {
    return causes(failure)
            .anyMatch(
                cause ->
                    isConnectionFailure(cause)
                        || isServerGoingAway(cause)
                        || isClusterOverloaded(cause))
        ? describe(failure)
        : null;
  }

  private static Stream<Throwable> causes(Throwable failure) {
    return Stream.iterate(
        failure, Objects::nonNull, cause -> cause.getCause() == cause ? null : cause.getCause());
  }

  private static boolean isConnectionFailure(Throwable cause) {
    for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
      if (CONNECTION_FAILURES.contains(type.getName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * PostgreSQL's connection errors (class 08) and its shutting down or starting up (57P01 to
   * 57P03).
   */
  private static boolean isServerGoingAway(Throwable cause) {
    if (cause instanceof io.r2dbc.spi.R2dbcException r2dbc && r2dbc.getSqlState() != null) {
      String state = r2dbc.getSqlState();
      return state.startsWith("08")
          || state.equals("57P01")
          || state.equals("57P02")
          || state.equals("57P03");
    }
    return false;
  }

  /**
   * Elasticsearch refusing work for now: its queues are full (429) or it has no master or shard to
   * serve (503).
   */
  private static boolean isClusterOverloaded(Throwable cause) {
    int status = ElasticsearchStatus.of(cause);
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private static String describe(Throwable failure) {
    return causes(failure)
        .map(Unreachable::named)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("a service it depends on");
  }

  /** The dependency a failure's type belongs to, or null when it could be anyone's. */
  private static @Nullable String named(Throwable cause) {
    String type = cause.getClass().getName();
    if (type.startsWith("io.r2dbc")
        || type.startsWith("org.springframework.dao")
        || type.startsWith("org.springframework.r2dbc")) {
      return "the database";
    }
    return type.startsWith("co.elastic") || type.startsWith("sa.volunteering.matching.search.")
        ? "the search cluster"
        : null;
  }
}
