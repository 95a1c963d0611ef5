package sa.volunteering.matching.system.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param timeout how long a health check waits for a dependency before reporting it DOWN
 * @param requiredPlugin the Elasticsearch plugin without which search cannot analyze Arabic
 */
@Validated
@ConfigurationProperties("app.health")
public record HealthProperties(
    @DefaultValue("3s") Duration timeout,
    @DefaultValue("volunteering-arabic-analysis") String requiredPlugin) {}
