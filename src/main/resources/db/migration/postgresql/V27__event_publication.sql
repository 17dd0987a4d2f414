-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0): a reaction in
-- another module (a win, a key result measured by a KPI) is written here in the transaction of the change that
-- caused it, completed when the reaction has run, and resubmitted while it has not (config/EventPublications).
-- Vendor scripts because PostgreSQL's is Modulith's own (text, a hash index); common migrations go on from V28.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
