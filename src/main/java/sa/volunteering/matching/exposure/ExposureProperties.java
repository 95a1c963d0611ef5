package sa.volunteering.matching.exposure;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How exposure is folded (docs/ranking.md, "Exposure").
 *
 * @param enabled whether impressions are folded at all; off, every volunteer keeps what was folded
 * @param every how often new impressions are folded
 * @param batch impressions one fold reads at most
 * @param halfLife how long until an appearance counts half
 * @param refreshAfter how old a volunteer's count may grow before it is decayed to the present and
 *     their document rebuilt, though they were not shown again
 * @param refreshBatch counts one fold refreshes at most
 * @param least a count that decays below this is deleted: the volunteer counts as never shown
 * @param step how much the exposure value ({@link sa.volunteering.matching.indexing.Exposure}) of a
 *     volunteer's count must have moved from what their document carries before the document is
 *     rebuilt: once shown, 0.95, stays unannounced; twice, 0.91, is announced
 */
@Validated
@ConfigurationProperties("app.exposure")
public record ExposureProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1m") Duration every,
    @DefaultValue("50000") @Min(1) int batch,
    @DefaultValue("3d") Duration halfLife,
    @DefaultValue("1d") Duration refreshAfter,
    @DefaultValue("10000") @Min(1) int refreshBatch,
    @DefaultValue("0.5") double least,
    @DefaultValue("0.05") @DecimalMin("0") @DecimalMax("1") double step) {}
