-- A check-in written because a KPI that measures the key result took values names that ingestion: the reaction
-- to an ingestion may run again (a resubmitted event publication), and then finds its check-in already there.
alter table check_in add column ingestion_id uuid;
create unique index check_in_once_per_ingestion on check_in (key_result_id, ingestion_id);
