package sa.volunteering.matching.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Front ends served from other origins that may call the API from a browser. None by default: the
 * service's own page at {@code /} needs no CORS.
 *
 * @param allowedOrigins exact origins, such as {@code https://volunteer.example.sa}; never {@code
 *     *}
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("app.web.cors")
public record CorsProperties(
    @DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {}
