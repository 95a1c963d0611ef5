package sa.volunteering.matching.support;

import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Random changes made through the API while a fault test breaks something, and the checks
 * afterwards: every change the API acknowledged (2xx) is in PostgreSQL (its version or a later one;
 * a removal, removed), every document equals its row at the row's version (or is absent when the
 * row does not belong in the index), and no outbox row was given up on. Answers are counted by
 * status; a 500 is never right. Seeded, so a failure replays. Not thread-safe: one writer.
 */
public final class ChaosWorkload {

  /**
   * How many times each fault test repeats its fault: 1 in the suite, more in the long variant
   * ({@code -Pfaults-long}).
   */
  public static final int ROUNDS = Integer.getInteger("faults.rounds", 1);

  private final Api api;
  private final DatabaseClient database;
  private final Random random;
  private final UUID organization;
  private final List<UUID> opportunities = new CopyOnWriteArrayList<>();
  private final List<UUID> volunteers = new CopyOnWriteArrayList<>();

  /**
   * The version each acknowledged write answered, by aggregate: PostgreSQL must hold at least that
   * one.
   */
  private final Map<UUID, Long> acknowledged = new HashMap<>();

  /**
   * Aggregates whose removal the API acknowledged: the opportunity's row is gone, the volunteer's
   * is no longer active.
   */
  private final java.util.Set<UUID> removed = new java.util.HashSet<>();

  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private int writes;

  public ChaosWorkload(Api api, DatabaseClient database, long seed) {
    this.api = api;
    this.database = database;
    this.random = new Random(seed);
    this.organization = new Fixtures(api).organization();
  }

  /** Makes one random change; returns the API's status (0 when the connection failed). */
  public int change() {
    String member = Tokens.member(organization);
    int dice = random.nextInt(100);
    Api.Response answer;
    if (opportunities.size() < 5 || dice < 25) {
      answer =
          api.post(
              "/api/organizations/" + organization + "/opportunities",
              member,
              Fixtures.opportunityBody(1 + random.nextInt(20)));
      if (answer.status() == 201) {
        UUID id = UUID.fromString(answer.id());
        opportunities.add(id);
        if (random.nextBoolean()) {
          record(api.post("/api/opportunities/" + id + "/publish", member, null), id);
        }
      }
      return record(answer, answer.status() == 201 ? UUID.fromString(answer.id()) : null);
    }
    UUID opportunity = opportunities.get(random.nextInt(opportunities.size()));
    if (dice < 55) {
      Long version = rowVersion("opportunities", opportunity);
      if (version == null) {
        return 0;
      }
      Map<String, Object> body = new HashMap<>(Fixtures.opportunityBody(1 + random.nextInt(50)));
      body.put("titleAr", "فرصة رقم " + random.nextInt(10_000));
      body.put("version", version);
      return record(api.put("/api/opportunities/" + opportunity, member, body), opportunity);
    }
    if (dice < 65) {
      return record(
          api.post("/api/opportunities/" + opportunity + "/publish", member, null), opportunity);
    }
    if (dice < 72) {
      return record(
          api.post("/api/opportunities/" + opportunity + "/close", member, null), opportunity);
    }
    if (dice < 80) {
      return recordRemoval(api.delete("/api/opportunities/" + opportunity, member), opportunity);
    }
    if (volunteers.size() < 3 || dice < 90) {
      UUID id = UUID.randomUUID();
      answer =
          api.post(
              "/api/volunteers",
              Tokens.volunteer(id),
              Fixtures.registrationBody(Fixtures.nationalId()));
      if (answer.status() == 201) {
        volunteers.add(id);
      }
      return record(answer, answer.status() == 201 ? id : null);
    }
    UUID volunteer = volunteers.get(random.nextInt(volunteers.size()));
    if (dice < 96) {
      Long version = rowVersion("volunteers", volunteer);
      if (version == null) {
        return 0;
      }
      Map<String, Object> profile = new HashMap<>(Fixtures.profileBody(version));
      profile.put("travelKm", random.nextInt(200));
      return record(api.put("/api/volunteers/me", Tokens.volunteer(volunteer), profile), volunteer);
    }
    return recordRemoval(api.delete("/api/volunteers/me", Tokens.volunteer(volunteer)), volunteer);
  }

  private int record(Api.Response answer, UUID aggregate) {
    writes++;
    boolean unhelpful =
        answer.status() >= 500
            && (answer.headers().getFirst("Retry-After") == null
                || !"application/problem+json"
                    .equals(String.valueOf(answer.headers().getContentType())));
    statuses.merge(unhelpful ? -answer.status() : answer.status(), 1, Integer::sum);
    if (aggregate != null && answer.status() >= 200 && answer.status() < 300) {
      long version = answer.body().path("version").asLong(0);
      acknowledged.merge(aggregate, version, Math::max);
    }
    return answer.status();
  }

  private int recordRemoval(Api.Response answer, UUID aggregate) {
    int status = record(answer, null);
    if (status >= 200 && status < 300) {
      removed.add(aggregate);
    }
    return status;
  }

  public int writes() {
    return writes;
  }

  /**
   * Answers by HTTP status; a 5xx without a problem body or {@code Retry-After} counts under its
   * negated status.
   */
  public Map<Integer, Integer> statuses() {
    return Map.copyOf(statuses);
  }

  public int acknowledgedWrites() {
    return statuses.entrySet().stream()
        .filter(entry -> entry.getKey() >= 200 && entry.getKey() < 300)
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /**
   * Answers that are never right: a 500, a 503 or 504 without a problem and {@code Retry-After}, no
   * answer at all.
   */
  public int wrongAnswers() {
    return statuses.entrySet().stream()
        .filter(
            entry ->
                entry.getKey() >= 500 && entry.getKey() != 503 && entry.getKey() != 504
                    || entry.getKey() <= 0)
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /** Every aggregate the workload touched, its organization included. */
  public List<UUID> ids() {
    List<UUID> all = new ArrayList<>(opportunities);
    all.addAll(volunteers);
    all.add(organization);
    return all;
  }

  /** Acknowledged writes whose version PostgreSQL does not hold (or a newer one): must be none. */
  public int acknowledgedButMissing() {
    int missing = 0;
    for (Map.Entry<UUID, Long> write : acknowledged.entrySet()) {
      String table =
          opportunities.contains(write.getKey())
              ? "opportunities"
              : volunteers.contains(write.getKey()) ? "volunteers" : null;
      if (table == null) {
        continue;
      }
      Long version = rowVersion(table, write.getKey());
      if (!removed.contains(write.getKey()) && (version == null || version < write.getValue())) {
        missing++;
      }
    }
    for (UUID id : removed) {
      String status =
          opportunities.contains(id) ? rowStatus("opportunities", id) : rowStatus("volunteers", id);
      if (opportunities.contains(id) ? status != null : "active".equals(status)) {
        missing++;
      }
    }
    return missing;
  }

  /**
   * Rows of the workload's aggregates whose current version has no outbox row: a change half
   * written. Must be none.
   */
  public long withoutOutboxRow() {
    return database
        .sql(
            "select (select count(*) from opportunities t where t.id = any(:ids)"
                + " and not exists (select 1 from outbox o where o.aggregate_id = t.id and o.aggregate_version = t.version))"
                + " + (select count(*) from volunteers t where t.id = any(:ids)"
                + " and not exists (select 1 from outbox o where o.aggregate_id = t.id and o.aggregate_version = t.version)) as n")
        .bind("ids", ids().toArray(UUID[]::new))
        .map(row -> row.get("n", Long.class))
        .one()
        .block(Duration.ofSeconds(10));
  }

  /**
   * Outbox rows marked done whose version the index does not hold (nor a newer one): a row
   * acknowledged that Elasticsearch never took. Must be none, whenever it is asked.
   */
  public long doneButNotIndexed(ElasticsearchClient elasticsearch, String prefix) {
    Map<UUID, Long> done = new HashMap<>();
    database
        .sql(
            "select aggregate_id, max(aggregate_version) as version from outbox where processed_at is not null"
                + " and aggregate_id = any(:ids) and aggregate_type in ('opportunity', 'volunteer') group by aggregate_id")
        .bind("ids", ids().toArray(UUID[]::new))
        .map(row -> Map.entry(row.get("aggregate_id", UUID.class), row.get("version", Long.class)))
        .all()
        .collectList()
        .block(Duration.ofSeconds(10))
        .forEach(entry -> done.put(entry.getKey(), entry.getValue()));
    long missing = 0;
    for (Map.Entry<UUID, Long> row : done.entrySet()) {
      boolean opportunity = opportunities.contains(row.getKey());
      String index = prefix + (opportunity ? "opportunities" : "volunteers");
      GetResponse<Map> document;
      try {
        document = elasticsearch.get(g -> g.index(index).id(row.getKey().toString()), Map.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (document.found()) {
        missing += document.version() < row.getValue() ? 1 : 0;
      } else {
        Map<String, Object> current =
            database
                .sql(
                    "select version, status from "
                        + (opportunity ? "opportunities" : "volunteers")
                        + " where id = :id")
                .bind("id", row.getKey())
                .map(
                    r ->
                        Map.<String, Object>of(
                            "version",
                            r.get("version", Long.class),
                            "status",
                            r.get("status", String.class)))
                .one()
                .block(Duration.ofSeconds(10));
        boolean belongs =
            current != null
                && (opportunity
                    ? !"draft".equals(current.get("status"))
                    : "active".equals(current.get("status")));
        missing += belongs && (long) current.get("version") <= row.getValue() ? 1 : 0;
      }
    }
    return missing;
  }

  /** Outbox rows about the workload's aggregates not yet indexed. */
  public long pending() {
    return count("processed_at is null and parked_at is null");
  }

  /**
   * Waits until no outbox row about the workload's aggregates is pending; returns how long that
   * took, in milliseconds.
   */
  public long awaitIndexed(Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    await("the outbox drained")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> count("processed_at is null and parked_at is null") == 0);
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  /** Outbox rows about the workload's aggregates that were given up on. */
  public long parked() {
    return count("parked_at is not null");
  }

  private long count(String condition) {
    return database
        .sql(
            "select count(*) as n from outbox where " + condition + " and aggregate_id = any(:ids)")
        .bind("ids", ids().toArray(UUID[]::new))
        .map(row -> row.get("n", Long.class))
        .one()
        .block(Duration.ofSeconds(10));
  }

  /**
   * Documents that differ from their rows (or are there when they should not be), in the indexes
   * under this prefix.
   */
  public int documentsWrongOrLost(ElasticsearchClient elasticsearch, String prefix) {
    int wrong = 0;
    for (UUID id : opportunities) {
      wrong +=
          mismatch(
              elasticsearch,
              "opportunities",
              prefix + "opportunities",
              id,
              status -> !"draft".equals(status));
    }
    for (UUID id : volunteers) {
      wrong += mismatch(elasticsearch, "volunteers", prefix + "volunteers", id, "active"::equals);
    }
    return wrong;
  }

  private int mismatch(
      ElasticsearchClient elasticsearch,
      String table,
      String index,
      UUID id,
      Predicate<String> belongsInIndex) {
    Map<String, Object> row =
        database
            .sql("select version, status from " + table + " where id = :id")
            .bind("id", id)
            .map(
                r ->
                    Map.<String, Object>of(
                        "version",
                        r.get("version", Long.class),
                        "status",
                        r.get("status", String.class)))
            .one()
            .block(Duration.ofSeconds(10));
    GetResponse<Map> document;
    try {
      document = elasticsearch.get(g -> g.index(index).id(id.toString()), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean shouldExist = row != null && belongsInIndex.test((String) row.get("status"));
    if (!shouldExist) {
      return document.found() ? 1 : 0;
    }
    boolean equal =
        document.found()
            && document.version() == (long) row.get("version")
            && row.get("status")
                .equals(document.source().getOrDefault("status", row.get("status")));
    return equal ? 0 : 1;
  }

  /**
   * The row's version, or null when there is no row or PostgreSQL cannot be asked (a fault test may
   * have it down).
   */
  private Long rowVersion(String table, UUID id) {
    try {
      return database
          .sql("select version from " + table + " where id = :id")
          .bind("id", id)
          .map(row -> row.get("version", Long.class))
          .one()
          .block(Duration.ofSeconds(10));
    } catch (RuntimeException unreachable) {
      return null;
    }
  }

  private String rowStatus(String table, UUID id) {
    return database
        .sql("select status from " + table + " where id = :id")
        .bind("id", id)
        .map(row -> row.get("status", String.class))
        .one()
        .block(Duration.ofSeconds(10));
  }
}
