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
