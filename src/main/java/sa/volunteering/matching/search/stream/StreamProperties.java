package sa.volunteering.matching.search.stream;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of every result stream (search, matches, candidates).
 *
 * @param maxHits the most hits one stream sends; a request may ask for fewer
 * @param pageSize hits fetched from Elasticsearch per request; a stream holds at most four pages
 * @param rankedBatch ids a ranked stream lists per scoring pass (at most two such lists at a time,
 *     about 100 bytes an id); at most Elasticsearch's {@code max_result_window}
 * @param keepAlive how long Elasticsearch keeps the point in time between two pages
 * @param heartbeat interval of keep-alive events on a stream
 */
@Validated
@ConfigurationProperties("app.search.stream")
public record StreamProperties(
    @DefaultValue("100000") @Min(1) int maxHits,
    @DefaultValue("500") @Min(1) @Max(10000) int pageSize,
    @DefaultValue("10000") @Min(1) @Max(10000) int rankedBatch,
    @DefaultValue("1m") Duration keepAlive,
    @DefaultValue("15s") Duration heartbeat) {}
