package sa.volunteering.matching.opportunity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param expiryInterval how often ended opportunities are closed
 */
@ConfigurationProperties("app.opportunities")
record OpportunityProperties(@DefaultValue("60s") Duration expiryInterval) {}
