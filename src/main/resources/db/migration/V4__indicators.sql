-- Platform indicators (docs/indicators.md, decision 0016). Writes to the counted tables append what they
-- change to indicator_changes through statement-level triggers; one folder at a time (IndicatorFolder,
-- under an advisory lock) folds those changes into per-month summaries. Reads never touch the base tables.

-- Which region a city is in; written from the shipped taxonomy at start-up, read when changes are folded.
create table city_regions (
    city_code    text primary key,
    region_code  text not null
);

-- The calendar month (Riyadh time) of an instant or a day.
create function riyadh_month(at timestamptz) returns date language sql stable parallel safe
    return date_trunc('month', at at time zone 'Asia/Riyadh')::date;

create function riyadh_month(day date) returns date language sql immutable parallel safe
    return date_trunc('month', day)::date;

-- What one write changed, not folded yet. Signed: an update appends its new contribution and the negation of its old one.
create table indicator_changes (
    id                     bigint generated always as identity primary key,
    month                  date          not null,
    organization_id        uuid,
    field_code             text,
    city_code              text,
    volunteer_id           uuid,
    registered_volunteers  integer       not null default 0,
    organizations          integer       not null default 0,
    opportunities_offered  integer       not null default 0,
    seats_offered          bigint        not null default 0,
    seats_taken            bigint        not null default 0,
    applications           integer       not null default 0,
    accepted_applications  integer       not null default 0,
    verified_hours         numeric(14, 2) not null default 0
);

-- Additive indicators per group and month. A group is a dimension and a key: ('platform', ''), ('field', code),
-- ('city', code), ('region', code), ('organization', id), and within an organization ('organization_field', 'id|code'),
-- ('organization_city', 'id|code'), ('organization_region', 'id|code').
create table indicator_months (
    dimension              text          not null,
    key                    text          not null,
    month                  date          not null,
    registered_volunteers  bigint        not null default 0,
    organizations          bigint        not null default 0,
    opportunities_offered  bigint        not null default 0,
    seats_offered          bigint        not null default 0,
    seats_taken            bigint        not null default 0,
    applications           bigint        not null default 0,
    accepted_applications  bigint        not null default 0,
    verified_hours         numeric(16, 2) not null default 0,
    -- people with at least one verified hour worked in this month, each once
    active_volunteers      bigint        not null default 0,
    primary key (dimension, key, month)
);

-- People with at least one verified hour in the group, each once, whatever the month.
create table indicator_totals (
    dimension          text   not null,
    key                text   not null,
    active_volunteers  bigint not null default 0,
    primary key (dimension, key)
);

-- The months in which each person worked verified hours, per group: counts people once over any period.
create table volunteer_activity (
    dimension     text   not null,
    key           text   not null,
    volunteer_id  uuid   not null,
    months        date[] not null,
    primary key (dimension, key, volunteer_id)
) partition by list (dimension);

create table volunteer_activity_platform partition of volunteer_activity for values in ('platform');
create table volunteer_activity_field partition of volunteer_activity for values in ('field');
create table volunteer_activity_city partition of volunteer_activity for values in ('city');
create table volunteer_activity_region partition of volunteer_activity for values in ('region');
create table volunteer_activity_organization partition of volunteer_activity for values in ('organization');
create table volunteer_activity_organization_field partition of volunteer_activity for values in ('organization_field');
create table volunteer_activity_organization_city partition of volunteer_activity for values in ('organization_city');
create table volunteer_activity_organization_region partition of volunteer_activity for values in ('organization_region');

-- Opportunities offered per group, field and month: which fields are in use over any period.
create table offered_fields (
    dimension      text   not null,
    key            text   not null,
    field_code     text   not null,
    month          date   not null,
    opportunities  bigint not null default 0,
    primary key (dimension, key, field_code, month)
);

-- What each row of a counted table contributes, with the sign it is appended with.

create function indicator_contribution(v volunteers, sign integer) returns setof indicator_changes language sql stable
begin atomic
    select null::bigint, riyadh_month(v.created_at), null::uuid, null::text, v.city_code, null::uuid,
           sign, 0, 0, 0::bigint, 0::bigint, 0, 0, 0::numeric(14, 2)
    where v.status = 'active';
end;

create function indicator_contribution(g organizations, sign integer) returns setof indicator_changes language sql stable
begin atomic
    select null::bigint, riyadh_month(g.created_at), null::uuid, null::text, g.city_code, null::uuid,
           0, sign, 0, 0::bigint, 0::bigint, 0, 0, 0::numeric(14, 2)
    where g.status = 'active';
end;

create function indicator_contribution(o opportunities, sign integer) returns setof indicator_changes language sql stable
begin atomic
    select null::bigint, riyadh_month(o.published_at), o.organization_id, o.field_code, o.city_code, null::uuid,
           0, 0, sign, (sign * o.seats)::bigint, (sign * o.seats_taken)::bigint, 0, 0, 0::numeric(14, 2)
    where o.published_at is not null and o.status <> 'draft';
end;

create function indicator_contribution(a applications, sign integer) returns setof indicator_changes language sql stable
begin atomic
    select null::bigint, riyadh_month(a.created_at), o.organization_id, o.field_code, o.city_code, null::uuid,
           0, 0, 0, 0::bigint, 0::bigint, sign, case when a.status in ('accepted', 'completed') then sign else 0 end, 0::numeric(14, 2)
    from opportunities o where o.id = a.opportunity_id;
end;

create function indicator_contribution(h volunteer_hours, sign integer) returns setof indicator_changes language sql stable
begin atomic
    select null::bigint, riyadh_month(h.worked_on), o.organization_id, o.field_code, o.city_code, a.volunteer_id,
           0, 0, 0, 0::bigint, 0::bigint, 0, 0, (sign * h.hours)::numeric(14, 2)
    from applications a join opportunities o on o.id = a.opportunity_id
    where a.id = h.application_id and h.status = 'verified';
end;

-- Appends the summed contributions of a statement's rows; an update that changes nothing counted appends nothing.
create function append_indicator_changes() returns trigger language plpgsql as $$
begin
    execute format($sql$
        insert into indicator_changes (month, organization_id, field_code, city_code, volunteer_id, registered_volunteers,
            organizations, opportunities_offered, seats_offered, seats_taken, applications, accepted_applications, verified_hours)
        select month, organization_id, field_code, city_code, volunteer_id, sum(registered_volunteers), sum(organizations),
               sum(opportunities_offered), sum(seats_offered), sum(seats_taken), sum(applications), sum(accepted_applications),
               sum(verified_hours)
        from (%s) as changed
        group by month, organization_id, field_code, city_code, volunteer_id
        having sum(registered_volunteers) <> 0 or sum(organizations) <> 0 or sum(opportunities_offered) <> 0
            or sum(seats_offered) <> 0 or sum(seats_taken) <> 0 or sum(applications) <> 0
            or sum(accepted_applications) <> 0 or sum(verified_hours) <> 0
        $sql$,
        case tg_op
            when 'INSERT' then format('select c.* from new_rows r, indicator_contribution(r::%I, 1) c', tg_table_name)
            when 'DELETE' then format('select c.* from old_rows r, indicator_contribution(r::%I, -1) c', tg_table_name)
            else format('select c.* from new_rows r, indicator_contribution(r::%1$I, 1) c'
                 ' union all select c.* from old_rows r, indicator_contribution(r::%1$I, -1) c', tg_table_name)
        end);
    return null;
end
$$;

create trigger volunteers_indicators_insert after insert on volunteers
    referencing new table as new_rows for each statement execute function append_indicator_changes();
create trigger volunteers_indicators_update after update on volunteers
    referencing old table as old_rows new table as new_rows for each statement execute function append_indicator_changes();
create trigger organizations_indicators_insert after insert on organizations
    referencing new table as new_rows for each statement execute function append_indicator_changes();
create trigger organizations_indicators_update after update on organizations
    referencing old table as old_rows new table as new_rows for each statement execute function append_indicator_changes();
create trigger opportunities_indicators_insert after insert on opportunities
    referencing new table as new_rows for each statement execute function append_indicator_changes();
create trigger opportunities_indicators_update after update on opportunities
    referencing old table as old_rows new table as new_rows for each statement execute function append_indicator_changes();
create trigger opportunities_indicators_delete after delete on opportunities
    referencing old table as old_rows for each statement execute function append_indicator_changes();
create trigger applications_indicators_insert after insert on applications
    referencing new table as new_rows for each statement execute function append_indicator_changes();
create trigger applications_indicators_update after update on applications
    referencing old table as old_rows new table as new_rows for each statement execute function append_indicator_changes();
create trigger volunteer_hours_indicators_insert after insert on volunteer_hours
    referencing new table as new_rows for each statement execute function append_indicator_changes();
create trigger volunteer_hours_indicators_update after update on volunteer_hours
    referencing old table as old_rows new table as new_rows for each statement execute function append_indicator_changes();

-- Folds up to `batch` changes, oldest first, and returns how many; -1 when another session is folding.
-- Verified hours are final (decision 0008): a person's months only grow, so a month new to them counts them once.
create function fold_indicator_changes(batch integer) returns integer language plpgsql as $$
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
    cross join lateral (values
        ('platform', ''),
        ('field', t.field_code),
        ('city', t.city_code),
        ('region', r.region_code),
        ('organization', t.organization_id::text),
        ('organization_field', t.organization_id || '|' || t.field_code),
        ('organization_city', t.organization_id || '|' || t.city_code),
        ('organization_region', t.organization_id || '|' || r.region_code)) as g (dimension, key)
    where g.key is not null
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
    select w.dimension, w.key, w.volunteer_id, a.volunteer_id is null,
           array(select m from unnest(w.months) as m where a.months is null or m <> all (a.months) order by m)
    from (select dimension, key, volunteer_id, array_agg(distinct month) as months
          from indicator_fold_groups where volunteer_id is not null and verified_hours > 0
          group by dimension, key, volunteer_id) as w
    left join volunteer_activity a on a.dimension = w.dimension and a.key = w.key and a.volunteer_id = w.volunteer_id;

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

-- Empties every summary and appends every row's contribution again; the folder rebuilds the summaries from them.
-- Run by this migration for the rows already there, and by operators after changing which region a city is in.
create function rebuild_indicators() returns bigint language plpgsql as $$
declare
    appended bigint := 0;
    part bigint;
begin
    lock table indicator_changes, indicator_months, indicator_totals, volunteer_activity, offered_fields in exclusive mode;
    perform pg_advisory_xact_lock(hashtext('fold_indicator_changes'));
    truncate indicator_changes, indicator_months, indicator_totals, volunteer_activity, offered_fields;
    insert into indicator_changes (month, organization_id, field_code, city_code, volunteer_id, registered_volunteers, organizations,
        opportunities_offered, seats_offered, seats_taken, applications, accepted_applications, verified_hours)
    select month, organization_id, field_code, city_code, volunteer_id, sum(registered_volunteers), sum(organizations),
           sum(opportunities_offered), sum(seats_offered), sum(seats_taken), sum(applications), sum(accepted_applications),
           sum(verified_hours)
    from (select c.* from volunteers r, indicator_contribution(r, 1) c
          union all select c.* from organizations r, indicator_contribution(r, 1) c
          union all select c.* from opportunities r, indicator_contribution(r, 1) c
          union all select c.* from applications r, indicator_contribution(r, 1) c
          union all select c.* from volunteer_hours r, indicator_contribution(r, 1) c) as everything
    group by month, organization_id, field_code, city_code, volunteer_id;
    get diagnostics part = row_count;
    appended := appended + part;
    return appended;
end
$$;

select rebuild_indicators();
