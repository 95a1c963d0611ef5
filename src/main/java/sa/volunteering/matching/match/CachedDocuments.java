package sa.volunteering.matching.match;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Map;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.indexing.ChangedDocuments;
import sa.volunteering.matching.system.PostgresNotifications;

/**
 * The instance's {@link DocumentCache} of the documents ranking requests start from, dropping what
 * the indexer announces on {@code documents_changed}, and everything whenever it starts listening
 * again after a lost connection.
 */
@Component
class CachedDocuments implements SmartLifecycle {

  private final PostgresNotifications notifications;
  private final DocumentCache cache;
  private volatile Disposable listening = () -> {};
  private volatile boolean running;

  CachedDocuments(
      PostgresNotifications notifications, MatchingProperties properties, MeterRegistry meters) {
    this.notifications = notifications;
    MatchingProperties.DocumentCacheLimits limits = properties.documentCache();
    this.cache =
        new DocumentCache(
            limits.maxEntries(),
            limits.maxSize().toBytes(),
            limits.timeToLive(),
            System::nanoTime,
            meters);
  }

  Mono<Map<String, Object>> get(String index, String id, Mono<Map<String, Object>> read) {
    return cache.get(index, id, read);
  }

  @Override
  public void start() {
    listening =
        notifications
            .listen(ChangedDocuments.CHANNEL, cache::clear)
            .filter(payload -> !payload.isEmpty())
            .subscribe(payload -> cache.changed(Arrays.asList(payload.split(","))));
    running = true;
  }

  @Override
  public void stop() {
    listening.dispose();
    cache.clear();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
