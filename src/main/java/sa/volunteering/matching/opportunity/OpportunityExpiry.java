package sa.volunteering.matching.opportunity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import sa.volunteering.matching.system.PeriodicWork;

/**
 * Closes published opportunities once they have ended, every {@code
 * app.opportunities.expiry-interval}.
 */
@Component
class OpportunityExpiry implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OpportunityExpiry.class);

  private final PeriodicWork work;

  OpportunityExpiry(OpportunityService opportunities, OpportunityProperties properties) {
    this.work =
        new PeriodicWork(
            "Closing ended opportunities",
            properties.expiryInterval(),
            () ->
                opportunities
                    .expireEnded()
                    .doOnNext(
                        count -> {
                          if (count > 0) {
                            log.info("Closed {} ended opportunities", count);
                          }
                        }));
  }

  @Override
  public void start() {
    work.start();
  }

  @Override
  public void stop() {
    work.stop();
  }

  @Override
  public boolean isRunning() {
    return work.isRunning();
  }
}
