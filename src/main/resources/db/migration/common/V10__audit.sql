-- The audit trail: every change, written in the transaction of the change (shared/AuditTrail.java).
-- changes: JSON {field: [old, new]}; actor_id null for the application's own work.
create table audit_event (
    id         uuid primary key,
    at         timestamp with time zone not null,
    actor_id   uuid,
    entity     varchar(40) not null,
    entity_id  varchar(100) not null,
    action     varchar(40) not null,
    changes    varchar(100000) not null,
    node       varchar(200) not null,
    request_id varchar(100)
);
create index audit_event_entity on audit_event (entity, entity_id, at);
create index audit_event_at on audit_event (at);
