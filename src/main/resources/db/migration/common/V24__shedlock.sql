-- Scheduled and start-up work that must run once per cluster takes its lock here (ShedLock's table, as its
-- JdbcTemplateLockProvider reads it; times are the database's own, in UTC). It replaces cluster_lock, whose locks
-- kept other nodes off only briefly, so nodes started minutes apart each ran the same period's work.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp(3) not null,
    locked_at  timestamp(3) not null,
    locked_by  varchar(255) not null
);

drop table cluster_lock;
