-- Every ingestion rewrites its KPIs' rows (status, latest value, trend). With room left on each
-- page, PostgreSQL updates them in place (HOT: no index entries, dead versions pruned on the
-- page without waiting for VACUUM) instead of spreading new versions over new pages.
-- PostgreSQL only: H2 has no fill factor per table. Common migrations go on from V9.
alter table kpi set (fillfactor = 50);
