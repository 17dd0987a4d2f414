-- Outgoing webhooks (issue 18): a URL that hears of the events it subscribed to, each delivery signed with its
-- secret; a team's lead may register one for their team's events (team_id), an admin for all.
create table webhook (
    id              uuid primary key,
    url             varchar(2000) not null,
    secret          varchar(200) not null,
    events          varchar(1000) not null,
    team_id         uuid references team (id),
    created_by      uuid not null references app_user (id),
    created_at      timestamp with time zone not null,
    failing_since   timestamp with time zone,
    disabled_at     timestamp with time zone,
    disabled_reason varchar(1000)
);

-- One event for one webhook: tried until a 2xx answers, with back-off, for a day; its log.
create table webhook_delivery (
    id              uuid primary key,
    webhook_id      uuid not null references webhook (id) on delete cascade,
    event_id        varchar(100) not null,
    event_type      varchar(60) not null,
    body            varchar(20000) not null,
    status          varchar(20) not null,
    attempts        integer not null default 0,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    last_attempt_at timestamp with time zone,
    last_status     integer,
    last_error      varchar(1000),
    delivered_at    timestamp with time zone,
    unique (webhook_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_log on webhook_delivery (webhook_id, created_at);
