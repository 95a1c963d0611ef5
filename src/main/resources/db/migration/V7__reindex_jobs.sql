-- Reindex jobs live here, not in one instance's memory: any instance answers for a job, and the database allows
-- one running reindex per index across the cluster (decision 0022).
create table reindex_jobs (
  id          uuid primary key,
  index_name  text not null,
  target      text not null,
  state       text not null check (state in ('RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED')),
  total       bigint not null default 0,
  done        bigint not null default 0,
  caught_up   bigint not null default 0,
  started_at  timestamptz not null default now(),
  finished_at timestamptz,
  -- the running instance writes its progress at least this often; a job whose heartbeat is old lost its instance
  heartbeat_at timestamptz not null default now(),
  instance    text not null,
  error       text
);

create unique index reindex_jobs_one_running_per_index on reindex_jobs (index_name) where state = 'RUNNING';
create index reindex_jobs_finished_at on reindex_jobs (finished_at) where finished_at is not null;
