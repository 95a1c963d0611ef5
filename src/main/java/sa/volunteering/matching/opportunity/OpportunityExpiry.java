package sa.volunteering.matching.opportunity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.PeriodicJob;

/**
 * Closes published opportunities once they have ended, every {@code
 * app.opportunities.expiry-interval}.
 */
@Component
class OpportunityExpiry extends PeriodicJob {

  private static final Logger log = LoggerFactory.getLogger(OpportunityExpiry.class);

  private final OpportunityService opportunities;

  OpportunityExpiry(OpportunityService opportunities, OpportunityProperties properties) {
    super("Closing ended opportunities", properties.expiryInterval(), true);
    this.opportunities = opportunities;
  }

  @Override
  protected Mono<Long> runOnce() {
    return opportunities
        .expireEnded()
        .doOnNext(
            count -> {
              if (count > 0) {
                log.info("Closed {} ended opportunities", count);
              }
            });
  }
}
