package sa.volunteering.matching.indexing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.taxonomy.Taxonomy;

/**
 * What a reindex writes, read in pages of whole documents: one statement per page, rows and what
 * they carry with them (an opportunity's organization and required skills, a volunteer's verified
 * hours) together, in id order after the last id of the page before. Each statement is short
 * however large the table (statements are bounded in time).
 */
@Component
class ReindexSource {

  static final UUID BEFORE_ALL = new UUID(0, 0);

  private static final Map<String, String> PAGES =
      Map.of(
          "opportunities",
          "select o.*, org.name_ar as org_name_ar, org.name_en as org_name_en,"
              + " org.verified as org_verified, s.codes as required_codes, s.weights as required_weights"
              + " from opportunities o join organizations org on org.id = o.organization_id"
              + " left join lateral (select array_agg(skill_code order by skill_code) as codes,"
              + " array_agg(weight order by skill_code) as weights"
              + " from opportunity_skills where opportunity_id = o.id) s on true"
              + " where o.status <> 'draft' and o.id > :after order by o.id limit :size",
          "volunteers",
          IndexDocuments.VOLUNTEER_ROWS
              + " where v.status = 'active' and v.id > :after order by v.id limit :size");

  /**
   * A page of documents to put, stamped with the time it was read.
   *
   * @param last the id the next page starts after; null when the table holds no more
   */
  record Page(List<IndexAction> actions, @Nullable UUID last, long readAt) {}

  private final DatabaseClient database;
  private final IndexDocuments documents;

  ReindexSource(DatabaseClient database, Taxonomy taxonomy) {
    this.database = database;
    this.documents = new IndexDocuments(taxonomy);
  }

  /** The page of {@code index}'s documents after {@code after}, written to {@code target}. */
  Mono<Page> page(String index, UUID after, int size, String target) {
    String statement = PAGES.get(index);
    if (statement == null) {
      return Mono.error(new IllegalArgumentException("no index " + index + " to reindex"));
    }
    return Mono.defer(
        () -> {
          long readAt = System.nanoTime();
          return database
              .sql(statement)
              .bind("after", after)
              .bind("size", size)
              .map(
                  row -> {
                    UUID id = Columns.required(row, "id", UUID.class);
                    Map<String, Object> document =
                        index.equals("opportunities")
                            ? documents.opportunity(
                                row,
                                skills(
                                    row.get("required_codes", String[].class),
                                    row.get("required_weights", BigDecimal[].class)))
                            : documents.volunteer(row);
                    return (IndexAction)
                        new IndexAction.Put(
                            target,
                            id.toString(),
                            Columns.required(row, "version", Long.class),
                            document,
                            List.of());
                  })
              .all()
              .collectList()
              .map(
                  actions ->
                      new Page(
                          actions,
                          actions.size() < size
                              ? null
                              : UUID.fromString(((IndexAction.Put) actions.getLast()).id()),
                          readAt));
        });
  }

  private static List<Map<String, Object>> skills(
      String @Nullable [] codes, BigDecimal @Nullable [] weights) {
    List<Map<String, Object>> skills = new ArrayList<>();
    if (codes == null || weights == null) {
      return skills;
    }
    for (int i = 0; i < codes.length; i++) {
      skills.add(Map.of("code", codes[i], "weight", weights[i]));
    }
    return skills;
  }
}
