package sa.volunteering.matching.system.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param accessLog one log line per request, with its id, status and duration
 */
@ConfigurationProperties("app.observability")
public record ObservabilityProperties(@DefaultValue("true") boolean accessLog) {}
