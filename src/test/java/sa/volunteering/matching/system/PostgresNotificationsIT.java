package sa.volunteering.matching.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import sa.volunteering.matching.support.IntegrationTest;

/**
 * Listeners hold connections of their own, outside the pool that serves requests, and still hear
 * every notification.
 */
@IntegrationTest
class PostgresNotificationsIT {

  @Autowired ConnectionFactory connections;

  @Autowired PostgresNotifications notifications;

  @Autowired DatabaseClient database;

  @Test
  void theServicesListenersTakeNoConnectionFromThePool() {
    ConnectionPool pool = (ConnectionPool) connections;
    // the outbox indexer, live matches and the indicators' fold notifications listen all the time
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(pool.getMetrics().orElseThrow().acquiredSize())
                    .as("connections taken from the pool while idle")
                    .isZero());
  }

  /** Notified until heard: the first notifications may come before the LISTEN is in place. */
  @Test
  void aListenerHearsWhatIsNotified() {
    List<String> heard = new CopyOnWriteArrayList<>();
    Disposable listening = notifications.listen("it_notifications").subscribe(heard::add);
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                database
                    .sql("select pg_notify('it_notifications', 'hello')")
                    .then()
                    .block(Duration.ofSeconds(5));
                assertThat(heard).contains("hello");
              });
    } finally {
      listening.dispose();
    }
  }
}
