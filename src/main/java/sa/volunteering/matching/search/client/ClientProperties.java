package sa.volunteering.matching.search.client;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP client's own bounds; where to connect, the credentials and the time bounds of a
 * connection are Spring Boot's ({@code spring.elasticsearch.*}).
 *
 * @param connections connections kept open to each node; the lanes' concurrencies together should
 *     stay within it, so that a call with a place in a lane never waits for a connection
 * @param pendingConnections calls that may wait for a connection when every one is busy
 * @param maxResponseSize the largest answer read; a larger one fails the call instead of filling
 *     the heap
 */
@Validated
@ConfigurationProperties("app.elasticsearch.client")
public record ClientProperties(
    @Min(1) int connections, @Min(0) int pendingConnections, @NotNull DataSize maxResponseSize) {}
