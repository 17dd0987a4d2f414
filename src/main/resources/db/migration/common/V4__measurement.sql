-- A KPI's values: one per KPI and instant (writing the same instant again replaces the value).
-- The primary key serves "latest per KPI" and range scans alike.
create table measurement (
    kpi_id uuid not null references kpi (id),
    at     timestamp with time zone not null,
    amount double precision not null,
    primary key (kpi_id, at)
);
