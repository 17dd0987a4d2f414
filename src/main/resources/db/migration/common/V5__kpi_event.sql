-- A KPI's status as of its last ingestion, and every change of it: the hook for notifications,
-- webhooks and the recovery OKR.
alter table kpi add column last_status varchar(10);

create table kpi_event (
    id          uuid primary key,
    kpi_id      uuid not null references kpi (id),
    from_status varchar(10) not null,
    to_status   varchar(10) not null,
    at          timestamp with time zone not null,
    amount      double precision
);
create index kpi_event_kpi on kpi_event (kpi_id, at);
