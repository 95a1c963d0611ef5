-- When the volunteer last did something themselves: edited their profile, applied, withdrew, verified or disputed
-- hours. Ranking candidates reads it as recent activity (decision 0032); null until the first such act, when their
-- profile's last update stands for it. No default: a default of now() would date every existing volunteer's activity
-- to this migration.
alter table volunteers add column last_active_at timestamptz;
