-- What became of what was shown (decision 0031): every change of an application's state, and every verified entry of
-- hours, as an event with its time. Written by triggers in the changing statement's transaction, so no path that
-- writes applications or hours can skip it and none is recorded that did not commit. A data set import
-- (indicators.bulk_load) is history loaded at once, not events seen happening: it records none.

create table outcomes (
    id              bigint generated always as identity primary key,
    happened_at     timestamptz not null default now(),
    kind            text        not null
                    check (kind in ('applied', 'accepted', 'rejected', 'withdrawn', 'completed', 'hours_verified')),
    application_id  uuid        not null,
    volunteer_id    uuid        not null,
    opportunity_id  uuid        not null,
    hours           numeric(5, 2) check ((kind = 'hours_verified') = (hours is not null))
);

create index outcomes_by_time on outcomes (happened_at);
create index outcomes_by_volunteer on outcomes (volunteer_id, happened_at);
create index outcomes_by_opportunity on outcomes (opportunity_id, happened_at);

create function outcomes_quiet() returns boolean language sql stable as $$
    select coalesce(current_setting('indicators.bulk_load', true), '') = 'on'
$$;

create function record_application_inserts() returns trigger language plpgsql as $$
begin
    if outcomes_quiet() then
        return null;
    end if;
    insert into outcomes (kind, application_id, volunteer_id, opportunity_id)
    select case n.status when 'pending' then 'applied' else n.status end, n.id, n.volunteer_id, n.opportunity_id
    from new_rows n;
    return null;
end $$;

create function record_application_updates() returns trigger language plpgsql as $$
begin
    if outcomes_quiet() then
        return null;
    end if;
    insert into outcomes (kind, application_id, volunteer_id, opportunity_id)
    select n.status, n.id, n.volunteer_id, n.opportunity_id
    from new_rows n join old_rows o on o.id = n.id
    where n.status <> o.status and n.status <> 'pending';
    return null;
end $$;

create function record_hours_inserts() returns trigger language plpgsql as $$
begin
    if outcomes_quiet() then
        return null;
    end if;
    insert into outcomes (kind, application_id, volunteer_id, opportunity_id, hours)
    select 'hours_verified', a.id, a.volunteer_id, a.opportunity_id, n.hours
    from new_rows n join applications a on a.id = n.application_id
    where n.status = 'verified';
    return null;
end $$;

create function record_hours_updates() returns trigger language plpgsql as $$
begin
    if outcomes_quiet() then
        return null;
    end if;
    insert into outcomes (kind, application_id, volunteer_id, opportunity_id, hours)
    select 'hours_verified', a.id, a.volunteer_id, a.opportunity_id, n.hours
    from new_rows n join old_rows o on o.id = n.id join applications a on a.id = n.application_id
    where n.status = 'verified' and o.status <> 'verified';
    return null;
end $$;

create trigger applications_outcomes_insert after insert on applications
    referencing new table as new_rows for each statement execute function record_application_inserts();
create trigger applications_outcomes_update after update on applications
    referencing old table as old_rows new table as new_rows for each statement execute function record_application_updates();
create trigger volunteer_hours_outcomes_insert after insert on volunteer_hours
    referencing new table as new_rows for each statement execute function record_hours_inserts();
create trigger volunteer_hours_outcomes_update after update on volunteer_hours
    referencing old table as old_rows new table as new_rows for each statement execute function record_hours_updates();
