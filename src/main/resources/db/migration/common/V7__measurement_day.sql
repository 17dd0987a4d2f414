-- Each KPI's measurements tallied per UTC day, kept by every ingestion (kpi/MeasurementDays.java):
-- status, trend and long series read one row per day instead of every measurement. The rows are
-- derived: a KPI with measurements but no days (data from before this table, a restored backup)
-- is tallied again at start and after a restore.
create table measurement_day (
    kpi_id      uuid not null references kpi (id),
    day_start   timestamp with time zone not null,
    n           integer not null,
    total       double precision not null,
    low         double precision not null,
    high        double precision not null,
    last_at     timestamp with time zone not null,
    last_amount double precision not null,
    primary key (kpi_id, day_start)
);
