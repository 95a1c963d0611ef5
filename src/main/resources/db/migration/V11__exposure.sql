-- How often each volunteer was shown lately among an opportunity's candidates (decision 0033): the impressions of
-- candidate lists folded into one decaying count per volunteer, which their indexed document carries and the
-- exposure component of the candidates' score reads. Only volunteers shown lately have a row. `shown` is the count as of
-- `as_of`; `indexed` the count their document carries, moved to `shown` when the credit it gives has changed enough to
-- rebuild the document.
create table volunteer_exposure (
    volunteer_id  uuid             primary key,
    shown         double precision not null check (shown >= 0),
    as_of         timestamptz      not null,
    indexed       double precision not null default 0 check (indexed >= 0)
);

create index volunteer_exposure_by_age on volunteer_exposure (as_of);

-- The last impression folded. One row; an instance folds while it holds the row's lock, the others skip.
create table exposure_watermark (
    singleton           boolean primary key default true check (singleton),
    last_impression_id  bigint  not null
);

insert into exposure_watermark (last_impression_id) values (0);
