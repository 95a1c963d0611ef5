package sa.volunteering.matching.stats;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How indicators are kept and served.
 *
 * @param foldEvery how often pending changes are folded into the summaries (how stale an indicator
 *     may be)
 * @param foldBatch changes folded in one statement at most; it must end within the statement bound
 *     (15 s): at full scale batches of 50,000 took 4–5 s, of 100,000 15–20 s
 * @param liveEvery a live stream sends updated indicators at most this often
 * @param liveMaxSubscribers live streams one instance serves at most; more get 503
 * @param answersFor an answer is reused this long for the same question (0 computes every one);
 *     concurrent askers share one computation
 * @param maxAnswers distinct questions whose answers an instance keeps at most
 */
@Validated
@ConfigurationProperties("app.stats")
public record StatsProperties(
    @DefaultValue("500ms") Duration foldEvery,
    @DefaultValue("20000") @Min(1) @Max(1_000_000) int foldBatch,
    @DefaultValue("1s") Duration liveEvery,
    @DefaultValue("10000") @Min(1) int liveMaxSubscribers,
    @DefaultValue("1s") Duration answersFor,
    @DefaultValue("10000") @Min(1) int maxAnswers) {}
