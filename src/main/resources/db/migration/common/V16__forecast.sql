-- A KPI's forecast, kept on its row with the other readings at each ingestion or definition change, so
-- that KPI reads and lists never scan measurements. Days until a crossing depend on the clock: computed
-- on read from the crossing instants. forecast_periods is set when there is a forecast, forecast_reason
-- when there is none; neither, on a row written before this column existed (computed on read until
-- its next refresh, and refreshed once at start).
alter table kpi add column forecast_reason varchar(200);
alter table kpi add column forecast_periods integer;
alter table kpi add column forecast_at timestamp with time zone;
alter table kpi add column forecast_value double precision;
alter table kpi add column forecast_low double precision;
alter table kpi add column forecast_high double precision;
alter table kpi add column forecast_warning_at timestamp with time zone;
alter table kpi add column forecast_target_at timestamp with time zone;

-- The line through each key result's value check-ins in its cycle (x in days since the key result was
-- created), kept in step with its check-ins like the tally above it, so that forecasts never read check-ins:
-- the count, the means, the centred sums of squares and products, the residual sum of squares and the
-- first and last x (RunningFit). fit_n is null on rows from before, until the start-up computes them.
alter table key_result add column fit_n integer;
alter table key_result add column fit_mean_x double precision;
alter table key_result add column fit_mean_y double precision;
alter table key_result add column fit_sxx double precision;
alter table key_result add column fit_sxy double precision;
alter table key_result add column fit_syy double precision;
alter table key_result add column fit_sse double precision;
alter table key_result add column fit_min_x double precision;
alter table key_result add column fit_max_x double precision;
