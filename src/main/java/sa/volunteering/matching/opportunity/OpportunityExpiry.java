package sa.volunteering.matching.opportunity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes published opportunities once they have ended, every {@code
 * app.opportunities.expiry-interval}.
 */
@Component
class OpportunityExpiry implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OpportunityExpiry.class);

  private final OpportunityService opportunities;
  private final OpportunityProperties properties;
  private volatile Disposable running = () -> {};
  private volatile boolean started;

  OpportunityExpiry(OpportunityService opportunities, OpportunityProperties properties) {
    this.opportunities = opportunities;
    this.properties = properties;
  }

  @Override
  public void start() {
    running =
        Flux.interval(properties.expiryInterval())
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    opportunities
                        .expireEnded()
                        .doOnNext(
                            count -> {
                              if (count > 0) {
                                log.info("Closed {} ended opportunities", count);
                              }
                            })
                        .onErrorResume(
                            error -> {
                              log.warn(
                                  "Closing ended opportunities failed; will retry at the next tick",
                                  error);
                              return Mono.empty();
                            }))
            .subscribe();
    started = true;
  }

  @Override
  public void stop() {
    running.dispose();
    started = false;
  }

  @Override
  public boolean isRunning() {
    return started;
  }
}
