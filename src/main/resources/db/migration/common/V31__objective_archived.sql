-- An objective archived instead of deleted (it has check-ins or history worth keeping): it leaves lists, the
-- alignment tree and what is due, and stays readable by its address, in history and in backups.
alter table objective add column archived_at timestamp with time zone;
