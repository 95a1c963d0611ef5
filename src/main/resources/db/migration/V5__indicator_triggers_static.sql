-- The indicator triggers of V4 built their statement with EXECUTE, planned again at every run (≈ 0.5 ms a counted write,
-- docs/benchmarks.md). One function per table, generated from one template, keeps static statements whose plans a
-- session caches. What they append is unchanged.

do $migration$
declare
    counted text;
begin
    foreach counted in array array['volunteers', 'organizations', 'opportunities', 'applications', 'volunteer_hours'] loop
        execute format($function$
            create function append_%1$s_indicator_changes() returns trigger language plpgsql as $body$
            begin
                if tg_op = 'INSERT' then
                    insert into indicator_changes (month, organization_id, field_code, city_code, volunteer_id, registered_volunteers,
                        organizations, opportunities_offered, seats_offered, seats_taken, applications, accepted_applications, verified_hours)
                    select c.month, c.organization_id, c.field_code, c.city_code, c.volunteer_id, sum(c.registered_volunteers),
                           sum(c.organizations), sum(c.opportunities_offered), sum(c.seats_offered), sum(c.seats_taken),
                           sum(c.applications), sum(c.accepted_applications), sum(c.verified_hours)
                    from new_rows r, indicator_contribution(r::%1$I, 1) c
                    group by c.month, c.organization_id, c.field_code, c.city_code, c.volunteer_id;
                elsif tg_op = 'DELETE' then
                    insert into indicator_changes (month, organization_id, field_code, city_code, volunteer_id, registered_volunteers,
                        organizations, opportunities_offered, seats_offered, seats_taken, applications, accepted_applications, verified_hours)
                    select c.month, c.organization_id, c.field_code, c.city_code, c.volunteer_id, sum(c.registered_volunteers),
                           sum(c.organizations), sum(c.opportunities_offered), sum(c.seats_offered), sum(c.seats_taken),
                           sum(c.applications), sum(c.accepted_applications), sum(c.verified_hours)
                    from old_rows r, indicator_contribution(r::%1$I, -1) c
                    group by c.month, c.organization_id, c.field_code, c.city_code, c.volunteer_id;
                else
                    insert into indicator_changes (month, organization_id, field_code, city_code, volunteer_id, registered_volunteers,
                        organizations, opportunities_offered, seats_offered, seats_taken, applications, accepted_applications, verified_hours)
                    select month, organization_id, field_code, city_code, volunteer_id, sum(registered_volunteers), sum(organizations),
                           sum(opportunities_offered), sum(seats_offered), sum(seats_taken), sum(applications),
                           sum(accepted_applications), sum(verified_hours)
                    from (select c.* from new_rows r, indicator_contribution(r::%1$I, 1) c
                          union all
                          select c.* from old_rows r, indicator_contribution(r::%1$I, -1) c) as changed
                    group by month, organization_id, field_code, city_code, volunteer_id
                    having sum(registered_volunteers) <> 0 or sum(organizations) <> 0 or sum(opportunities_offered) <> 0
                        or sum(seats_offered) <> 0 or sum(seats_taken) <> 0 or sum(applications) <> 0
                        or sum(accepted_applications) <> 0 or sum(verified_hours) <> 0;
                end if;
                return null;
            end
            $body$
            $function$, counted);
        execute format('drop trigger %1$s_indicators_insert on %1$I', counted);
        execute format('create trigger %1$s_indicators_insert after insert on %1$I referencing new table as new_rows'
            ' for each statement execute function append_%1$s_indicator_changes()', counted);
        execute format('drop trigger %1$s_indicators_update on %1$I', counted);
        execute format('create trigger %1$s_indicators_update after update on %1$I referencing old table as old_rows new table as new_rows'
            ' for each statement execute function append_%1$s_indicator_changes()', counted);
    end loop;
end
$migration$;

drop trigger opportunities_indicators_delete on opportunities;
create trigger opportunities_indicators_delete after delete on opportunities
    referencing old table as old_rows for each statement execute function append_opportunities_indicator_changes();

drop function append_indicator_changes();
