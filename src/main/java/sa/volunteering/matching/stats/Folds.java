package sa.volunteering.matching.stats;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import sa.volunteering.matching.system.PostgresNotifications;

/** The folder's notifications: one {@code LISTEN} per instance, shared by whoever follows them. */
@Component
class Folds {

  private final Flux<String> notified;

  Folds(PostgresNotifications notifications) {
    this.notified = notifications.listen(IndicatorFolder.FOLDED).publish().refCount();
  }

  /** A signal after each fold that changed the summaries, on any instance. */
  Flux<String> notified() {
    return notified;
  }
}
