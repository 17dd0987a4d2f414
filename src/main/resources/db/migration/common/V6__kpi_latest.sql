-- What a KPI's measurements say, kept on its row at each ingestion or definition change, so a
-- list of KPIs reads rows instead of measurements. Staleness depends on the clock: computed on read.
alter table kpi add column latest_value double precision;
alter table kpi add column latest_at timestamp with time zone;
alter table kpi add column trend double precision;
