-- Each objective's progress and score, kept in step with every change to it or below it, so
-- that a dashboard reads one row per objective instead of every key result. Progress and score
-- do not depend on the clock; expected progress and status are computed on read.
alter table objective add column rollup_progress double precision;
alter table objective add column rollup_score double precision;
alter table objective add column rollup_window_end date;
alter table objective add column rollup_has_threshold boolean;
alter table objective add column rollup_key_results integer;
