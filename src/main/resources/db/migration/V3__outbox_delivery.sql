-- Delivery state of outbox rows: retries with backoff, parking of rows that fail for good, and a
-- notification so that indexers wake without waiting for their next poll.
alter table outbox
    add column next_attempt_at timestamptz not null default now(),
    add column parked_at       timestamptz;

drop index outbox_pending;
create index outbox_deliverable on outbox (id) where processed_at is null and parked_at is null;
create index outbox_parked on outbox (parked_at) where parked_at is not null;

create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox', '');
    return null;
end
$$;

create trigger outbox_notify after insert on outbox for each statement execute function outbox_notify();
