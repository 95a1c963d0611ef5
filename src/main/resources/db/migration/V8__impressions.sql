-- Who was shown what, where, with what each component of the score earned (decision 0029). Written in batches by
-- the service off the request's path; kept for app.impressions.retention (30 days), deleted in batches.

create table impressions (
    id              bigint generated always as identity primary key,
    shown_at        timestamptz not null,
    list_id         uuid        not null,
    direction       text        not null check (direction in ('opportunities', 'candidates')),
    volunteer_id    uuid        not null,
    opportunity_id  uuid        not null,
    rank            integer     not null check (rank >= 1),
    score           double precision not null,
    components      jsonb       not null
);

create index impressions_by_time on impressions (shown_at);
create index impressions_by_volunteer on impressions (volunteer_id, shown_at);
create index impressions_by_opportunity on impressions (opportunity_id, shown_at);
