package sa.volunteering.tools.behaviour;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import sa.volunteering.matching.system.Columns;

/**
 * The impressions logged since a time, list by list in rank order, each with the facts of its pair
 * as the system of record holds them now.
 */
@Component
class ShownPairs {

  /** One result of a list the service served. */
  record Shown(UUID list, String direction, int rank, PairFacts pair) {}

  private static final String SQL =
      """
      select i.list_id, i.direction, i.rank, i.volunteer_id, i.opportunity_id, o.organization_id,
        coalesce(k.share, 0) as skill_share, coalesce(k.weighted, 0) as weighted_skill_share,
        o.field_code = any(v.field_codes) as field_chosen,
        o.mode = 'remote' as remote,
        case when v.lat is null or o.lat is null then case when v.city_code = o.city_code then 5 else 500 end
          else 12742 * asin(least(1, sqrt(power(sin(radians(o.lat - v.lat) / 2), 2)
            + cos(radians(v.lat)) * cos(radians(o.lat)) * power(sin(radians(o.lon - v.lon) / 2), 2)))) end as km,
        v.city_code = o.city_code as same_city,
        cardinality(v.weekdays) = 0 or exists (
          select 1 from generate_series((o.starts_at at time zone 'Asia/Riyadh')::date,
            least(((o.ends_at - interval '1 microsecond') at time zone 'Asia/Riyadh')::date,
              (o.starts_at at time zone 'Asia/Riyadh')::date + 6), interval '1 day') d
          where to_char(d, 'dy') = any(v.weekdays)) as weekday_overlap,
        extract(epoch from o.starts_at - i.shown_at)::float8 / 86400 as days_to_start,
        g.verified,
        coalesce(h.hours, 0)::float8 as verified_hours,
        coalesce(h.organizations, '{}') @> array[o.organization_id] as past_organization,
        coalesce(h.fields, '{}') @> array[o.field_code] as past_field,
        r.completed, r.accepted
      from impressions i
      join volunteers v on v.id = i.volunteer_id
      join opportunities o on o.id = i.opportunity_id
      join organizations g on g.id = o.organization_id
      left join lateral (
        select count(*) filter (where s.skill_code = any(v.skill_codes))::float8 / count(*) as share,
          sum(s.weight) filter (where s.skill_code = any(v.skill_codes))::float8 / sum(s.weight) as weighted
        from opportunity_skills s where s.opportunity_id = o.id) k on true
      left join lateral (
        select sum(w.hours) as hours, array_agg(distinct p.organization_id) as organizations,
          array_agg(distinct p.field_code) as fields
        from applications a join volunteer_hours w on w.application_id = a.id and w.status = 'verified'
        join opportunities p on p.id = a.opportunity_id
        where a.volunteer_id = v.id) h on true
      cross join lateral (
        select count(*) filter (where a.status = 'completed') as completed,
          count(*) filter (where a.status in ('accepted', 'completed')) as accepted
        from applications a where a.volunteer_id = v.id) r
      where %s
      order by i.list_id, i.rank
      """
          .formatted(ListsInBatches.WHERE);

  private final DatabaseClient database;

  ShownPairs(DatabaseClient database) {
    this.database = database;
  }

  Flux<Shown> since(Instant since) {
    return ListsInBatches.all(database, SQL, since, ShownPairs::shown);
  }

  private static Shown shown(Readable row) {
    PairFacts pair =
        new PairFacts(
            Columns.required(row, "volunteer_id", UUID.class),
            Columns.required(row, "opportunity_id", UUID.class),
            Columns.required(row, "organization_id", UUID.class),
            Columns.required(row, "skill_share", Double.class),
            Columns.required(row, "weighted_skill_share", Double.class),
            Columns.required(row, "field_chosen", Boolean.class),
            Columns.required(row, "remote", Boolean.class),
            Columns.required(row, "km", Double.class),
            Columns.required(row, "same_city", Boolean.class),
            Columns.required(row, "weekday_overlap", Boolean.class),
            Columns.required(row, "days_to_start", Double.class),
            Columns.required(row, "verified", Boolean.class),
            Columns.required(row, "past_organization", Boolean.class),
            Columns.required(row, "past_field", Boolean.class),
            Columns.required(row, "verified_hours", Double.class),
            Columns.required(row, "completed", Long.class),
            Columns.required(row, "accepted", Long.class));
    return new Shown(
        Columns.required(row, "list_id", UUID.class),
        Columns.required(row, "direction", String.class),
        Columns.required(row, "rank", Integer.class),
        pair);
  }
}
