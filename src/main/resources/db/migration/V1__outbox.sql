-- The transactional outbox: every write to an organization, volunteer or opportunity adds a row here
-- in the same transaction; the indexer drains it into Elasticsearch.
create table outbox (
    id                bigint generated always as identity primary key,
    aggregate_type    text        not null check (aggregate_type in ('organization', 'volunteer', 'opportunity')),
    aggregate_id      uuid        not null,
    aggregate_version bigint      not null check (aggregate_version > 0),
    created_at        timestamptz not null default now(),
    processed_at      timestamptz,
    attempts          integer     not null default 0,
    last_error        text
);

create index outbox_pending on outbox (id) where processed_at is null;
