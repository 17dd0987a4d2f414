-- The first successful answer to a creating POST sent with an Idempotency-Key, so that a retry with the same key
-- answers it again instead of writing again (config/IdempotencyKeys.java). A row is written in the transaction of
-- the request's own writes: both are there, or neither. Kept 24 hours; not in backups (an answer to a request, not
-- data: a restored instance has had no requests to retry).
create table idempotency_key (
    caller_id       uuid          not null,
    method          varchar(10)   not null,
    path            varchar(500)  not null,
    idempotency_key varchar(255)  not null,
    fingerprint     varchar(64)   not null,
    status          integer       not null,
    content_type    varchar(200),
    location        varchar(2000),
    etag            varchar(200),
    body            varchar(1000000),
    created_at      timestamp with time zone not null,
    primary key (caller_id, method, path, idempotency_key)
);

create index idempotency_key_created_at on idempotency_key (created_at);
