package sa.volunteering.matching.system;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@code LISTEN} on a channel, on a connection of its own, listening again with backoff if the
 * connection drops. The connection is made outside the pool (by the factory the pool wraps): a
 * listener holds it for as long as it listens, and the pool's connections are for requests. An
 * instance holds one such connection per channel it listens on.
 */
@Component
public class PostgresNotifications {

  private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);
  private static final Pattern CHANNEL = Pattern.compile("[a-z_]+");

  private final ConnectionFactory connections;

  PostgresNotifications(ConnectionFactory connections) {
    this.connections =
        connections instanceof Wrapped<?> pool && pool.unwrap() instanceof ConnectionFactory direct
            ? direct
            : connections;
  }

  /**
   * The payloads notified on {@code channel} ("" when a notification has none), for as long as it
   * is subscribed.
   */
  public Flux<String> listen(String channel) {
    return listen(channel, () -> {});
  }

  /**
   * The same, calling {@code onListening} each time the {@code LISTEN} takes effect: first, and
   * again after a lost connection, when notifications may have been missed in between.
   */
  public Flux<String> listen(String channel, Runnable onListening) {
    if (!CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException("not a channel name: " + channel);
    }
    return Flux.usingWhen(
            connections.create(),
            connection -> listen(PostgresConnections.unwrap(connection), channel, onListening),
            Connection::close)
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(
                    signal ->
                        log.info(
                            "Notifications on {} lost ({}); listening again",
                            channel,
                            signal.failure().toString())));
  }

  private static Flux<String> listen(
      PostgresqlConnection connection, String channel, Runnable onListening) {
    return connection
        .createStatement("LISTEN " + channel)
        .execute()
        .flatMap(result -> result.getRowsUpdated())
        .then(Mono.fromRunnable(onListening))
        .thenMany(
            connection
                .getNotifications()
                .map(
                    notification ->
                        notification.getParameter() == null ? "" : notification.getParameter()));
  }
}
