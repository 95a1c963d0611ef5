-- Rate-limit buckets shared by every instance (decision 0037): one row per caller lately seen, the tokens left as of
-- `refilled_at`. Unlogged: no write-ahead log for a write on every request; after a crash the table is empty, which
-- is every bucket full, as after a restart of one instance. Rows of buckets full again are swept.
create unlogged table rate_limit_buckets (
    bucket       text             primary key,
    tokens       double precision not null,
    refilled_at  timestamptz      not null
);

create index rate_limit_buckets_by_age on rate_limit_buckets (refilled_at);

-- Takes one token from the bucket, refilled at `per_second` up to `burst` since it was last touched: 0 when there was
-- one, else the seconds until there will be. The row's lock orders the instances; the clock is PostgreSQL's, one for
-- all of them.
create function rate_limit_take(key text, per_second double precision, burst double precision)
returns double precision
language plpgsql
as $$
declare
    left_then  double precision;
    then_at    timestamptz;
    now_at     timestamptz;
    available  double precision;
begin
    loop
        select tokens, refilled_at into left_then, then_at from rate_limit_buckets where bucket = key for update;
        exit when found;
        insert into rate_limit_buckets (bucket, tokens, refilled_at) values (key, burst, clock_timestamp())
        on conflict (bucket) do nothing;
    end loop;
    now_at := clock_timestamp();
    available := least(burst, left_then + greatest(0, extract(epoch from now_at - then_at)) * per_second);
    if available >= 1 then
        update rate_limit_buckets set tokens = available - 1, refilled_at = now_at where bucket = key;
        return 0;
    end if;
    update rate_limit_buckets set tokens = available, refilled_at = now_at where bucket = key;
    return (1 - available) / per_second;
end
$$;
