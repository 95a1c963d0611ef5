-- rebuild_indicators() took its tables' exclusive locks before the fold's advisory lock, while a fold holds the advisory
-- lock before it touches those tables: each could wait for the other (DatasetIT saw PostgreSQL's "deadlock detected").
-- The same function, the advisory lock taken first: a rebuild waits for a fold in progress to end, and a fold that
-- comes during a rebuild skips its turn (it only tries the lock).
create or replace function rebuild_indicators() returns bigint language plpgsql
    -- its sorts and hashes span millions of rows: with the default 4 MB they spill gigabytes to disk
    set work_mem = '256MB' as $$
declare
    written bigint := 0;
    part bigint;
begin
    perform pg_advisory_xact_lock(hashtext('fold_indicator_changes'));
    lock table indicator_changes, indicator_months, indicator_totals, volunteer_activity, offered_fields in exclusive mode;
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
