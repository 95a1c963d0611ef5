package sa.volunteering.matching.system.shutdown;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param drainDelay how long an instance told to stop keeps serving while {@code /readyz} answers
 *     503, before it stops taking connections: long enough for the balancer's health checks (or
 *     Kubernetes' endpoints) to take it out of rotation; 0 where nothing balances in front of it
 */
@ConfigurationProperties("app.shutdown")
public record ShutdownProperties(@DefaultValue("0s") Duration drainDelay) {}
