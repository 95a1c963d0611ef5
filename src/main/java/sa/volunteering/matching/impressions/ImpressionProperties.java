package sa.volunteering.matching.impressions;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How impressions are kept (docs/ranking.md, "Impressions").
 *
 * @param enabled whether ranked lists are logged at all
 * @param buffer impressions an instance holds at most while they wait to be written; more are
 *     dropped and counted ({@code impressions.dropped})
 * @param batch impressions written in one statement at most
 * @param flushEvery how long an impression waits at most before its batch is written
 * @param streamHits the first hits of a stream that are logged (a stream is a list too, but its
 *     tail is read by programs more than seen)
 * @param retention how long impressions are kept
 * @param retentionEvery how often older ones are deleted
 * @param retentionBatch rows one delete removes at most
 */
@Validated
@ConfigurationProperties("app.impressions")
public record ImpressionProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10000") @Min(1) int buffer,
    @DefaultValue("500") @Min(1) int batch,
    @DefaultValue("1s") Duration flushEvery,
    @DefaultValue("20") @Min(0) int streamHits,
    @DefaultValue("30d") Duration retention,
    @DefaultValue("1h") Duration retentionEvery,
    @DefaultValue("10000") @Min(1) int retentionBatch) {}
