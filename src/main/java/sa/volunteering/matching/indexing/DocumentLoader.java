package sa.volunteering.matching.indexing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.search.index.SearchIndexProperties;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.taxonomy.Taxonomy;

/**
 * Turns a batch of outbox rows into index actions by reading the current state of every aggregate
 * they name: one query per kind of aggregate, never one per row. An organization's change
 * re-indexes its opportunities, which carry its name.
 */
@Component
class DocumentLoader {

  private final DatabaseClient database;
  private final IndexDocuments documents;
  private final String opportunities;
  private final String volunteers;

  DocumentLoader(DatabaseClient database, Taxonomy taxonomy, SearchIndexProperties indexes) {
    this.database = database;
    this.documents = new IndexDocuments(taxonomy);
    this.opportunities = indexes.alias("opportunities");
    this.volunteers = indexes.alias("volunteers");
  }

  Mono<List<IndexAction>> actionsFor(List<OutboxRow> rows) {
    Map<UUID, List<OutboxRow>> opportunityRows = group(rows, "opportunity");
    Map<UUID, List<OutboxRow>> volunteerRows = group(rows, "volunteer");
    Map<UUID, List<OutboxRow>> organizationRows = group(rows, "organization");
    return opportunitiesOf(organizationRows)
        .flatMap(
            byOrganization -> {
              Map<UUID, List<Long>> opportunityOutbox = new LinkedHashMap<>();
              Map<UUID, Long> tombstoneVersions = new HashMap<>();
              opportunityRows.forEach(
                  (id, list) -> {
                    opportunityOutbox
                        .computeIfAbsent(id, key -> new ArrayList<>())
                        .addAll(ids(list));
                    tombstoneVersions.put(id, maxVersion(list));
                  });
              byOrganization.forEach(
                  (organization, opportunityIds) ->
                      opportunityIds.forEach(
                          id ->
                              opportunityOutbox
                                  .computeIfAbsent(id, key -> new ArrayList<>())
                                  .addAll(
                                      ids(
                                          organizationRows.getOrDefault(
                                              organization, List.of())))));
              List<Long> settledWithoutWork =
                  organizationRows.entrySet().stream()
                      .filter(
                          entry -> byOrganization.getOrDefault(entry.getKey(), List.of()).isEmpty())
                      .flatMap(entry -> ids(entry.getValue()).stream())
                      .toList();
              return opportunityActions(opportunities, opportunityOutbox, tombstoneVersions)
                  .flatMap(
                      forOpportunities ->
                          volunteerActions(volunteers, volunteerRows)
                              .map(
                                  forVolunteers -> {
                                    List<IndexAction> actions = new ArrayList<>(forOpportunities);
                                    actions.addAll(forVolunteers);
                                    if (!settledWithoutWork.isEmpty()) {
                                      actions.add(new IndexAction.Nothing(settledWithoutWork));
                                    }
                                    return actions;
                                  }));
            });
  }

  /** The state of one aggregate as read now; {@code document} only when it belongs in the index. */
  private record Current(UUID id, long version, @Nullable Map<String, Object> document) {}

  private Mono<Map<UUID, List<UUID>>> opportunitiesOf(Map<UUID, List<OutboxRow>> organizationRows) {
    if (organizationRows.isEmpty()) {
      return Mono.just(Map.of());
    }
    return database
        .sql(
            "select organization_id, id from opportunities where organization_id = any(:ids) and status <> 'draft'")
        .bind("ids", organizationRows.keySet().toArray(UUID[]::new))
        .map(row -> Map.entry(row.get("organization_id", UUID.class), row.get("id", UUID.class)))
        .all()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  private Mono<List<IndexAction>> opportunityActions(
      String index, Map<UUID, List<Long>> outbox, Map<UUID, Long> tombstones) {
    if (outbox.isEmpty()) {
      return Mono.just(List.of());
    }
    UUID[] ids = outbox.keySet().toArray(UUID[]::new);
    Mono<Map<UUID, List<Map<String, Object>>>> skills =
        database
            .sql(
                "select opportunity_id, skill_code, weight from opportunity_skills where opportunity_id = any(:ids)"
                    + " order by opportunity_id, skill_code")
            .bind("ids", ids)
            .map(
                row ->
                    Map.entry(
                        row.get("opportunity_id", UUID.class),
                        Map.<String, Object>of(
                            "code",
                            row.get("skill_code", String.class),
                            "weight",
                            row.get("weight", BigDecimal.class))))
            .all()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return skills
        .flatMap(
            skillsById ->
                database
                    .sql(
                        "select o.*, org.name_ar as org_name_ar, org.name_en as org_name_en,"
                            + " org.verified as org_verified from opportunities o join organizations org on org.id = o.organization_id where o.id = any(:ids)")
                    .bind("ids", ids)
                    .map(
                        row -> {
                          UUID id = Columns.required(row, "id", UUID.class);
                          boolean inIndex = !"draft".equals(row.get("status", String.class));
                          return new Current(
                              id,
                              Columns.required(row, "version", Long.class),
                              inIndex
                                  ? documents.opportunity(
                                      row, skillsById.getOrDefault(id, List.of()))
                                  : null);
                        })
                    .all()
                    .collectMap(Current::id))
        .map(
            current -> {
              List<IndexAction> actions = new ArrayList<>();
              outbox.forEach(
                  (id, outboxIds) ->
                      actions.add(
                          action(
                              index,
                              id,
                              current.get(id),
                              tombstones.getOrDefault(id, 0L),
                              outboxIds)));
              return actions;
            });
  }

  private Mono<List<IndexAction>> volunteerActions(
      String index, Map<UUID, List<OutboxRow>> outbox) {
    if (outbox.isEmpty()) {
      return Mono.just(List.of());
    }
    return database
        .sql(IndexDocuments.VOLUNTEER_ROWS + " where v.id = any(:ids)")
        .bind("ids", outbox.keySet().toArray(UUID[]::new))
        .map(
            row ->
                new Current(
                    Columns.required(row, "id", UUID.class),
                    Columns.required(row, "version", Long.class),
                    "active".equals(row.get("status", String.class))
                        ? documents.volunteer(row)
                        : null))
        .all()
        .collectMap(Current::id)
        .map(
            current -> {
              List<IndexAction> actions = new ArrayList<>();
              outbox.forEach(
                  (id, rows) ->
                      actions.add(action(index, id, current.get(id), maxVersion(rows), ids(rows))));
              return actions;
            });
  }

  /**
   * Put the current document, or remove it as of the newest version anyone has announced for it.
   */
  private static IndexAction action(
      String index, UUID id, @Nullable Current current, long announced, List<Long> outboxIds) {
    if (current != null && current.document() != null) {
      return new IndexAction.Put(
          index, id.toString(), current.version(), current.document(), outboxIds);
    }
    long version = Math.max(announced, current == null ? 0 : current.version());
    return new IndexAction.Remove(index, id.toString(), version, outboxIds);
  }

  private static Map<UUID, List<OutboxRow>> group(List<OutboxRow> rows, String type) {
    return rows.stream()
        .filter(row -> row.type().equals(type))
        .collect(
            Collectors.groupingBy(OutboxRow::aggregateId, LinkedHashMap::new, Collectors.toList()));
  }

  private static List<Long> ids(List<OutboxRow> rows) {
    return rows.stream().map(OutboxRow::id).toList();
  }

  private static long maxVersion(List<OutboxRow> rows) {
    return rows.stream().mapToLong(OutboxRow::version).max().orElse(0);
  }
}
