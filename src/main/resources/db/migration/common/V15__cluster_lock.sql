-- Work that must run once per cluster (housekeeping, start-up tallies) takes a named lock here
-- first: several nodes on one database, one runs it (shared/ClusterLock.java).
create table cluster_lock (
    name         varchar(100) primary key,
    locked_until timestamp with time zone not null,
    locked_at    timestamp with time zone not null,
    locked_by    varchar(200) not null
);
