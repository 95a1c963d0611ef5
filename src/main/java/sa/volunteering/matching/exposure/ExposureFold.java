package sa.volunteering.matching.exposure;

import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import sa.volunteering.matching.indexing.Exposure;
import sa.volunteering.matching.system.Columns;
import sa.volunteering.matching.system.PeriodicJob;

/**
 * Folds the impressions of candidate lists into {@code volunteer_exposure}, every {@code
 * app.exposure.every}: the impressions logged since the last fold ({@code batch} at most) add to
 * the count of each volunteer they show, whose earlier count is first decayed to the present
 * ({@code half-life}); a count nothing was added to for {@code refresh-after} is decayed to the
 * present too, or deleted once below {@code least}. A volunteer whose count now gives an exposure
 * value {@code step} away from the one their document carries is announced in the same transaction,
 * so that the document is rebuilt with the new count. One instance folds at a time, the one holding
 * the watermark row's lock; another that comes meanwhile skips its turn.
 */
@Component
public class ExposureFold extends PeriodicJob {

  /** What one fold did: impressions read, and volunteers announced. */
  public record Folded(long impressions, long announced) {}

  private static final String DECAYED =
      "e.shown * power(0.5, extract(epoch from now() - e.as_of)::float8 / :halfLife)";

  private static final String ANNOUNCE =
      "insert into outbox (aggregate_type, aggregate_id, aggregate_version)"
          + " select 'volunteer', v.id, v.version from volunteers v"
          + " where v.status = 'active' and v.id in (select volunteer_id from changed) returning 1";

  private final DatabaseClient database;
  private final TransactionalOperator transaction;
  private final ExposureProperties properties;

  ExposureFold(
      DatabaseClient database, TransactionalOperator transaction, ExposureProperties properties) {
    super("Folding impressions into exposure", properties.every(), properties.enabled());
    this.database = database;
    this.transaction = transaction;
    this.properties = properties;
  }

  @Override
  protected Mono<Folded> runOnce() {
    return fold();
  }

  /**
   * One fold; empty when another instance is folding. Every count it changes is stamped with the
   * transaction's time, {@code now()}, which is how its last step finds them.
   */
  public Mono<Folded> fold() {
    return database
        .sql("select last_impression_id from exposure_watermark for update skip locked")
        .map(row -> Columns.required(row, "last_impression_id", Long.class))
        .one()
        .flatMap(
            last ->
                lastOfBatch(last)
                    .flatMap(upTo -> addShown(last, upTo).thenReturn(upTo - last))
                    .defaultIfEmpty(0L)
                    .flatMap(
                        read ->
                            refreshAged()
                                .flatMap(gone -> announceMoved().map(moved -> gone + moved))
                                .map(announced -> new Folded(read, announced))))
        .as(transaction::transactional);
  }

  /**
   * Forgets every count, as if nobody had been shown: the watermark moves past the impressions
   * logged so far, and the volunteers whose documents carry a count are announced, to be rebuilt
   * with none. Waits for a fold that holds the watermark. Emits how many were announced. For
   * measuring the control from its start ({@code bin/bench}), or an operator who changes its curve.
   */
  public Mono<Long> forget() {
    return database
        .sql("select last_impression_id from exposure_watermark for update")
        .map(row -> 1)
        .all()
        .then(
            database
                .sql(
                    "update exposure_watermark set last_impression_id ="
                        + " (select coalesce(max(id), 0) from impressions)")
                .then())
        .then(
            database
                .sql(
                    "with gone as (delete from volunteer_exposure returning volunteer_id, indexed),"
                        + " changed as (select volunteer_id from gone where indexed > 0),"
                        + " announced as ("
                        + ANNOUNCE
                        + ") select count(*) as announced from announced")
                .map(row -> Columns.required(row, "announced", Long.class))
                .one())
        .as(transaction::transactional);
  }

  /** The id of the last impression of the next batch after {@code last}; empty when none. */
  private Mono<Long> lastOfBatch(long last) {
    return database
        .sql(
            "select max(id) as up_to from (select id from impressions where id > :last order by id limit :batch) s")
        .bind("last", last)
        .bind("batch", properties.batch())
        .map(row -> Optional.ofNullable(row.get("up_to", Long.class)))
        .one()
        .flatMap(Mono::justOrEmpty);
  }

  /** Adds the appearances among candidates in {@code (last, upTo]}, and moves the watermark. */
  private Mono<Void> addShown(long last, long upTo) {
    return database
        .sql(
            "with fresh as (select volunteer_id, count(*)::float8 as n from impressions"
                + " where id > :last and id <= :upTo and direction = 'candidates' group by volunteer_id)"
                + " insert into volunteer_exposure as e (volunteer_id, shown, as_of)"
                + " select volunteer_id, n, now() from fresh on conflict (volunteer_id) do update"
                + " set shown = "
                + DECAYED
                + " + excluded.shown, as_of = now()")
        .bind("last", last)
        .bind("upTo", upTo)
        .bind("halfLife", halfLifeSeconds())
        .then()
        .then(
            database
                .sql("update exposure_watermark set last_impression_id = :upTo")
                .bind("upTo", upTo)
                .then());
  }

  /**
   * Decays the oldest counts nothing was added to for {@code refresh-after} to the present and
   * deletes those below {@code least}; emits how many volunteers whose documents carried a count
   * were announced for a deleted one.
   */
  private Mono<Long> refreshAged() {
    return database
        .sql(
            "with aged as (select volunteer_id from volunteer_exposure"
                + " where as_of < now() - make_interval(secs => :refreshAfter) order by as_of limit :limit),"
                + " gone as (delete from volunteer_exposure e using aged a where e.volunteer_id = a.volunteer_id"
                + " and "
                + DECAYED
                + " < :least returning e.volunteer_id, e.indexed),"
                + " kept as (update volunteer_exposure e set shown = "
                + DECAYED
                + ", as_of = now() from aged a where e.volunteer_id = a.volunteer_id and "
                + DECAYED
                + " >= :least returning 1),"
                + " changed as (select volunteer_id from gone where indexed > 0),"
                + " announced as ("
                + ANNOUNCE
                + ") select count(*) as announced from announced")
        .bind("refreshAfter", (double) properties.refreshAfter().toSeconds())
        .bind("limit", properties.refreshBatch())
        .bind("least", properties.least())
        .bind("halfLife", halfLifeSeconds())
        .map(row -> Columns.required(row, "announced", Long.class))
        .one();
  }

  /**
   * Announces the volunteers whose counts this fold changed ({@code as_of = now()}) so much that
   * their exposure value is {@code step} away from their document's, which will carry the new
   * count.
   */
  private Mono<Long> announceMoved() {
    return database
        .sql(
            "with changed as (update volunteer_exposure set indexed = shown where as_of = now()"
                + " and abs(:half / (:half + shown) - :half / (:half + indexed)) >= :step"
                + " returning volunteer_id),"
                + " announced as ("
                + ANNOUNCE
                + ") select count(*) as announced from announced")
        .bind("half", Exposure.HALF_AT_SHOWN)
        .bind("step", properties.step())
        .map(row -> Columns.required(row, "announced", Long.class))
        .one();
  }

  private double halfLifeSeconds() {
    return (double) properties.halfLife().toSeconds();
  }
}
