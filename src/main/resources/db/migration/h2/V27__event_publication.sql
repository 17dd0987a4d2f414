-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0, H2): see the
-- PostgreSQL script of the same version. An event may name many KPIs: H2's longest varchar, where Modulith's
-- script has 4,000 characters (PostgreSQL's text has no limit).
create table event_publication (
    id                     uuid not null primary key,
    completion_date        timestamp(9) with time zone,
    event_type             varchar(512) not null,
    listener_id            varchar(512) not null,
    publication_date       timestamp(9) with time zone not null,
    serialized_event       varchar(1000000) not null,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp(9) with time zone
);
create index event_publication_by_listener_id_and_serialized_event_idx on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
