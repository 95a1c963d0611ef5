package sa.volunteering.matching.search;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The bounds of one lane of calls to Elasticsearch.
 *
 * @param concurrency calls in flight at once
 * @param queue calls that may wait for one of those places; beyond it a call is refused at once
 * @param maxWait how long a call waits for a place before it is refused
 * @param timeout how long a call may take once it has a place
 */
public record LaneProperties(
    @Min(1) int concurrency,
    @Min(0) int queue,
    @NotNull Duration maxWait,
    @NotNull Duration timeout) {}
