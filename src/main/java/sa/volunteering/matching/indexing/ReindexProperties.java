package sa.volunteering.matching.indexing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reindex jobs, kept in PostgreSQL (decision 0022).
 *
 * @param heartbeat how often the instance running a job writes its progress
 * @param staleAfter a running job whose progress is older than this lost its instance: it reads as
 *     INTERRUPTED, and a new reindex of its index may start
 * @param keepFinished finished jobs older than this are deleted when the next one starts
 * @param progressInterval how often the progress stream reads the job again
 */
@Validated
@ConfigurationProperties("app.indexing.reindex")
public record ReindexProperties(
    @DefaultValue("2s") Duration heartbeat,
    @DefaultValue("1m") Duration staleAfter,
    @DefaultValue("30d") Duration keepFinished,
    @DefaultValue("500ms") Duration progressInterval) {}
