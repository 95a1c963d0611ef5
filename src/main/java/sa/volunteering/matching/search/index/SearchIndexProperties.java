package sa.volunteering.matching.search.index;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param names the indexes, each defined by {@code <mappingsLocation><name>.json} and reached
 *     through an alias of the same name (with {@code prefix})
 * @param prefix put before every alias and index name, so that several environments or test runs
 *     can share one cluster
 * @param mappingsLocation where the definitions are; the jar carries index-mappings/ of the
 *     repository
 * @param replicas {@code index.number_of_replicas} of indexes this service creates
 * @param createMissing create missing indexes and aliases at start-up
 * @param failOnMismatch refuse to start when an index was built from another definition; {@code
 *     bin/reindex} turns it off, since moving the alias to a new index is how a mismatch is
 *     repaired
 * @param gcDeletes {@code index.gc_deletes}, set at every start on the indexes behind the aliases:
 *     how long a removed document's version is remembered. A write older than that removal but
 *     arriving later than this would bring the document back; the indexer never sends documents
 *     older than {@code app.indexing.max-document-age}, which must stay well below it (decision
 *     0019)
 */
@Validated
@ConfigurationProperties("app.search.index")
public record SearchIndexProperties(
    @DefaultValue({"opportunities", "volunteers"}) @NotEmpty
        List<@Pattern(regexp = "[a-z][a-z0-9_-]*") String> names,
    @DefaultValue("") @Pattern(regexp = "([a-z0-9][a-z0-9_-]*)?") String prefix,
    @DefaultValue("classpath:index-mappings/") String mappingsLocation,
    @DefaultValue("0") @Min(0) int replicas,
    @DefaultValue("true") boolean createMissing,
    @DefaultValue("true") boolean failOnMismatch,
    @DefaultValue("10m") java.time.Duration gcDeletes) {

  public String alias(String name) {
    return prefix + name;
  }
}
