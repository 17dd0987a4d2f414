-- Key results by the KPI that measures them: each ingestion looks up the key results its KPIs
-- measure, a KPI's deletion checks for them, and the coach asks which KPIs measure any (KPI-005).
-- Without it each of those reads every key result.
create index key_result_kpi on key_result (kpi_id);
