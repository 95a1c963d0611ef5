-- The system of record. Codes (city, field, skill) are validated against the shipped taxonomy by the
-- service; the database keeps them as text so that the taxonomy can grow without a migration.
-- Every mutable row has a version for optimistic locking and for external versioning in Elasticsearch.

create table organizations (
    id          uuid primary key,
    name_ar     text        not null check (length(name_ar) between 1 and 200),
    name_en     text        not null check (length(name_en) between 1 and 200),
    city_code   text        not null,
    kind        text        not null check (kind in ('government', 'nonprofit', 'private', 'academic', 'community')),
    verified    boolean     not null default false,
    status      text        not null default 'active' check (status in ('active', 'closed')),
    version     bigint      not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table volunteers (
    id                uuid primary key,
    -- personal data: never indexed, never in search output, erased when the profile is closed
    full_name         text,
    phone             text,
    email             text,
    -- HMAC-SHA256 of the national ID under a server key: registers a person once, never stores the ID
    national_id_hash  bytea       not null unique,
    -- profile for ranking
    city_code         text        not null,
    lat               double precision check (lat between -90 and 90),
    lon               double precision check (lon between -180 and 180),
    skill_codes       text[]      not null default '{}',
    field_codes       text[]      not null default '{}',
    languages         text[]      not null default '{}',
    available_from    date,
    available_to      date,
    weekdays          text[]      not null default '{}',
    travel_km         integer     not null default 25 check (travel_km between 0 and 2000),
    remote_ok         boolean     not null default true,
    gender            text        not null check (gender in ('male', 'female')),
    birth_date        date        not null,
    status            text        not null default 'active' check (status in ('active', 'closed')),
    version           bigint      not null default 1,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check (available_to is null or available_from is null or available_to >= available_from),
    check ((lat is null) = (lon is null))
);

create table opportunities (
    id               uuid primary key,
    organization_id  uuid          not null references organizations (id),
    title_ar         text          not null check (length(title_ar) between 3 and 200),
    title_en         text          check (length(title_en) between 3 and 200),
    description_ar   text          not null check (length(description_ar) between 10 and 5000),
    description_en   text          check (length(description_en) between 10 and 5000),
    field_code       text          not null,
    city_code        text          not null,
    lat              double precision check (lat between -90 and 90),
    lon              double precision check (lon between -180 and 180),
    mode             text          not null check (mode in ('on_site', 'remote', 'hybrid')),
    starts_at        timestamptz   not null,
    ends_at          timestamptz   not null,
    hours            numeric(7, 2) not null check (hours > 0),
    seats            integer       not null check (seats between 1 and 100000),
    seats_taken      integer       not null default 0,
    gender           text          not null default 'any' check (gender in ('any', 'male', 'female')),
    min_age          integer       check (min_age between 0 and 120),
    max_age          integer       check (max_age between 0 and 120),
    status           text          not null default 'draft' check (status in ('draft', 'published', 'closed')),
    published_at     timestamptz,
    closed_at        timestamptz,
    version          bigint        not null default 1,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    check (ends_at > starts_at),
    check (seats_taken between 0 and seats),
    check (min_age is null or max_age is null or min_age <= max_age),
    check ((lat is null) = (lon is null))
);

create index opportunities_by_organization on opportunities (organization_id, created_at desc);
create index opportunities_expiring on opportunities (ends_at) where status = 'published';

create table opportunity_skills (
    opportunity_id  uuid         not null references opportunities (id) on delete cascade,
    skill_code      text         not null,
    weight          numeric(3, 2) not null check (weight > 0 and weight <= 1),
    primary key (opportunity_id, skill_code)
);

create table applications (
    id              uuid primary key,
    opportunity_id  uuid        not null references opportunities (id),
    volunteer_id    uuid        not null references volunteers (id),
    status          text        not null default 'pending'
                    check (status in ('pending', 'accepted', 'rejected', 'withdrawn', 'completed')),
    motivation      text        check (length(motivation) <= 2000),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (opportunity_id, volunteer_id)
);

create index applications_by_volunteer on applications (volunteer_id, created_at desc);

create table volunteer_hours (
    id              uuid primary key,
    application_id  uuid          not null references applications (id),
    worked_on       date          not null,
    hours           numeric(5, 2) not null check (hours > 0 and hours <= 24),
    note            text          check (length(note) <= 1000),
    status          text          not null default 'logged' check (status in ('logged', 'verified', 'disputed')),
    dispute_reason  text          check (length(dispute_reason) <= 1000),
    version         bigint        not null default 1,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);

create index volunteer_hours_by_application on volunteer_hours (application_id);
