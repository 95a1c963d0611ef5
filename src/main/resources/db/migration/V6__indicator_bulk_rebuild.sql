-- Indicators after a bulk load (decision 0020). Before: an import appended millions of change rows that the folder
-- trickled in for twenty minutes. Now: a bulk load sets indicators.bulk_load for its transaction, so the triggers append
-- nothing, and ends with rebuild_indicators(), which computes every summary straight from the counted tables, set-based.

-- The groups a change counts in: the platform, its field, city, region and organization, and within the organization
-- its field, city and region. One definition for the fold and for the rebuild.
create function indicator_groups(organization_id uuid, field_code text, city_code text, region_code text)
    returns table (dimension text, key text) language sql immutable parallel safe as $$
    select g.dimension, g.key
    from (values
        ('platform', ''),
        ('field', field_code),
        ('city', city_code),
        ('region', region_code),
        ('organization', organization_id::text),
        ('organization_field', organization_id || '|' || field_code),
        ('organization_city', organization_id || '|' || city_code),
        ('organization_region', organization_id || '|' || region_code)) as g (dimension, key)
    where g.key is not null
$$;

-- The counting triggers stay quiet in a transaction that set indicators.bulk_load; it must rebuild before it commits.
do $migration$
declare
    counted record;
begin
    for counted in
        select t.oid from pg_trigger t where not t.tgisinternal and t.tgname like '%\_indicators\_%'
    loop
        execute replace(replace(pg_get_triggerdef(counted.oid), 'CREATE TRIGGER', 'CREATE OR REPLACE TRIGGER'),
            ' EXECUTE FUNCTION', $when$ WHEN (coalesce(current_setting('indicators.bulk_load', true), '') <> 'on') EXECUTE FUNCTION$when$);
    end loop;
end
$migration$;

-- Every summary computed again from the counted tables, set-based, with no change row in between; pending changes are
-- dropped, since the tables already hold what they describe. Writers of counted rows wait until it commits (their
-- triggers need indicator_changes); readers of the summaries do not wait. Returns the number of summary rows written.
create or replace function rebuild_indicators() returns bigint language plpgsql
    -- its sorts and hashes span millions of rows: with the default 4 MB they spill gigabytes to disk
    set work_mem = '256MB' as $$
declare
    written bigint := 0;
    part bigint;
begin
    lock table indicator_changes, indicator_months, indicator_totals, volunteer_activity, offered_fields in exclusive mode;
    perform pg_advisory_xact_lock(hashtext('fold_indicator_changes'));
    perform set_config('client_min_messages', 'warning', true);
    -- deleted rather than truncated: until this commits, readers are answered from the summaries as they were
    delete from indicator_changes;
    delete from indicator_months;
    delete from indicator_totals;
    delete from volunteer_activity;
    delete from offered_fields;

    drop table if exists indicator_rebuild_contributions, indicator_rebuild_places;
    -- what every row contributes, summed as the triggers would have appended it in one statement
    create temporary table indicator_rebuild_contributions on commit drop as
    select month, organization_id, field_code, city_code, volunteer_id, sum(registered_volunteers) as registered_volunteers,
           sum(organizations) as organizations, sum(opportunities_offered) as opportunities_offered,
           sum(seats_offered) as seats_offered, sum(seats_taken) as seats_taken, sum(applications) as applications,
           sum(accepted_applications) as accepted_applications, sum(verified_hours) as verified_hours
    from (select c.* from volunteers r, indicator_contribution(r, 1) c
          union all select c.* from organizations r, indicator_contribution(r, 1) c
          union all select c.* from opportunities r, indicator_contribution(r, 1) c
          union all select c.* from applications r, indicator_contribution(r, 1) c
          union all select c.* from volunteer_hours r, indicator_contribution(r, 1) c) as everything
    group by month, organization_id, field_code, city_code, volunteer_id;

    -- the additive part needs no volunteer: fewer rows to spread over the groups (3.4 of 4.75 million at full scale)
    create temporary table indicator_rebuild_places on commit drop as
    select c.month, c.organization_id, c.field_code, c.city_code, r.region_code, sum(c.registered_volunteers) as registered_volunteers,
           sum(c.organizations) as organizations, sum(c.opportunities_offered) as opportunities_offered,
           sum(c.seats_offered) as seats_offered, sum(c.seats_taken) as seats_taken, sum(c.applications) as applications,
           sum(c.accepted_applications) as accepted_applications, sum(c.verified_hours) as verified_hours
    from indicator_rebuild_contributions c left join city_regions r on r.city_code = c.city_code
    group by c.month, c.organization_id, c.field_code, c.city_code, r.region_code;

    insert into indicator_months (dimension, key, month, registered_volunteers, organizations, opportunities_offered,
        seats_offered, seats_taken, applications, accepted_applications, verified_hours)
    select g.dimension, g.key, p.month, sum(p.registered_volunteers), sum(p.organizations), sum(p.opportunities_offered),
           sum(p.seats_offered), sum(p.seats_taken), sum(p.applications), sum(p.accepted_applications), sum(p.verified_hours)
    from indicator_rebuild_places p, indicator_groups(p.organization_id, p.field_code, p.city_code, p.region_code) g
    group by g.dimension, g.key, p.month;
    get diagnostics part = row_count;
    written := written + part;

    insert into offered_fields (dimension, key, field_code, month, opportunities)
    select g.dimension, g.key, p.field_code, p.month, sum(p.opportunities_offered)
    from indicator_rebuild_places p, indicator_groups(p.organization_id, p.field_code, p.city_code, p.region_code) g
    where p.opportunities_offered <> 0 and g.dimension not in ('field', 'organization_field')
    group by g.dimension, g.key, p.field_code, p.month;
    get diagnostics part = row_count;
    written := written + part;

    insert into volunteer_activity (dimension, key, volunteer_id, months)
    select g.dimension, g.key, c.volunteer_id, array_agg(distinct c.month order by c.month)
    from indicator_rebuild_contributions c
    left join city_regions r on r.city_code = c.city_code
    cross join lateral indicator_groups(c.organization_id, c.field_code, c.city_code, r.region_code) g
    where c.volunteer_id is not null and c.verified_hours > 0
    group by g.dimension, g.key, c.volunteer_id;
    get diagnostics part = row_count;
    written := written + part;

    insert into indicator_months as m (dimension, key, month, active_volunteers)
    select a.dimension, a.key, month, count(*)
    from volunteer_activity a, unnest(a.months) as month
    group by a.dimension, a.key, month
    on conflict (dimension, key, month) do update set active_volunteers = excluded.active_volunteers;

    insert into indicator_totals (dimension, key, active_volunteers)
    select dimension, key, count(*) from volunteer_activity group by dimension, key;
    get diagnostics part = row_count;
    written := written + part;

    perform pg_notify('indicators_folded', '');
    return written;
end
$$;

-- The fold of V4, with one change of plan: each person's months so far are looked up by primary key, one probe per
-- person and group in the batch. V4 joined the batch with the whole of volunteer_activity, which the planner did with a
-- hash join over every partition: a fold's cost grew with the platform (docs/benchmarks.md, the fold at full scale).
create or replace function fold_indicator_changes(batch integer) returns integer language plpgsql as $$
declare
    folded integer;
begin
    if not pg_try_advisory_xact_lock(hashtext('fold_indicator_changes')) then
        return -1;
    end if;
    perform set_config('client_min_messages', 'warning', true);

    create temporary table if not exists indicator_fold_groups (
        dimension text, key text, month date, field_code text, volunteer_id uuid,
        registered_volunteers bigint, organizations bigint, opportunities_offered bigint, seats_offered bigint,
        seats_taken bigint, applications bigint, accepted_applications bigint, verified_hours numeric
    ) on commit delete rows;
    create temporary table if not exists indicator_fold_new_months (
        dimension text, key text, volunteer_id uuid, first_time boolean, months date[]
    ) on commit delete rows;
    truncate indicator_fold_groups, indicator_fold_new_months;

    with taken as (
        delete from indicator_changes where id in (select id from indicator_changes order by id limit batch) returning *
    ), expanded as (
        insert into indicator_fold_groups
        select g.dimension, g.key, t.month, t.field_code, t.volunteer_id, t.registered_volunteers, t.organizations,
               t.opportunities_offered, t.seats_offered, t.seats_taken, t.applications, t.accepted_applications, t.verified_hours
        from taken t
        left join city_regions r on r.city_code = t.city_code
        cross join lateral indicator_groups(t.organization_id, t.field_code, t.city_code, r.region_code) g
    )
    select count(*) into folded from taken;
    if folded = 0 then
        return 0;
    end if;

    insert into indicator_months as m (dimension, key, month, registered_volunteers, organizations, opportunities_offered,
        seats_offered, seats_taken, applications, accepted_applications, verified_hours)
    select dimension, key, month, sum(registered_volunteers), sum(organizations), sum(opportunities_offered), sum(seats_offered),
           sum(seats_taken), sum(applications), sum(accepted_applications), sum(verified_hours)
    from indicator_fold_groups
    group by dimension, key, month
    order by dimension, key, month
    on conflict (dimension, key, month) do update set
        registered_volunteers = m.registered_volunteers + excluded.registered_volunteers,
        organizations = m.organizations + excluded.organizations,
        opportunities_offered = m.opportunities_offered + excluded.opportunities_offered,
        seats_offered = m.seats_offered + excluded.seats_offered,
        seats_taken = m.seats_taken + excluded.seats_taken,
        applications = m.applications + excluded.applications,
        accepted_applications = m.accepted_applications + excluded.accepted_applications,
        verified_hours = m.verified_hours + excluded.verified_hours;

    insert into offered_fields as f (dimension, key, field_code, month, opportunities)
    select dimension, key, field_code, month, sum(opportunities_offered)
    from indicator_fold_groups
    where opportunities_offered <> 0 and dimension not in ('field', 'organization_field')
    group by dimension, key, field_code, month
    order by dimension, key, field_code, month
    on conflict (dimension, key, field_code, month) do update set opportunities = f.opportunities + excluded.opportunities;

    insert into indicator_fold_new_months
    select w.dimension, w.key, w.volunteer_id, w.known is null,
           array(select m from unnest(w.months) as m where w.known is null or m <> all (w.known) order by m)
    from (select dimension, key, volunteer_id, array_agg(distinct month) as months,
                 -- a scalar subquery, so that it stays a probe of the primary key and never becomes a join
                 (select a.months from volunteer_activity a
                  where a.dimension = g.dimension and a.key = g.key and a.volunteer_id = g.volunteer_id) as known
          from indicator_fold_groups g where volunteer_id is not null and verified_hours > 0
          group by dimension, key, volunteer_id) as w;

    insert into volunteer_activity as a (dimension, key, volunteer_id, months)
    select dimension, key, volunteer_id, months from indicator_fold_new_months where cardinality(months) > 0
    order by dimension, key, volunteer_id
    on conflict (dimension, key, volunteer_id) do update
        set months = array(select m from unnest(a.months || excluded.months) as m group by m order by m);

    insert into indicator_months as m (dimension, key, month, active_volunteers)
    select n.dimension, n.key, month, count(*)
    from indicator_fold_new_months n, unnest(n.months) as month
    group by n.dimension, n.key, month
    order by n.dimension, n.key, month
    on conflict (dimension, key, month) do update set active_volunteers = m.active_volunteers + excluded.active_volunteers;

    insert into indicator_totals as t (dimension, key, active_volunteers)
    select dimension, key, count(*) from indicator_fold_new_months where first_time
    group by dimension, key
    order by dimension, key
    on conflict (dimension, key) do update set active_volunteers = t.active_volunteers + excluded.active_volunteers;

    perform pg_notify('indicators_folded', '');
    return folded;
end
$$;
