-- What Tandem tells a person (issue 18): one row per message, shown in the app; its words are written when it is
-- read, in the reader's language, from its kind and the values it keeps. A reaction that runs twice (a publication
-- retried after a crash) finds its dedupe key taken and adds nothing.
create table notification (
    id           uuid primary key,
    recipient_id uuid not null references app_user (id),
    kind         varchar(40) not null,
    subject_type varchar(20) not null,
    subject_id   varchar(100) not null,
    actor_id     uuid references app_user (id),
    params       varchar(4000) not null,
    path         varchar(500) not null,
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone,
    dedupe_key   varchar(200) not null unique
);
create index notification_recipient on notification (recipient_id, created_at);

-- A person's channels for a kind of notification ('IN_APP,EMAIL', or '' for none); without a row, the kind's default.
create table notification_choice (
    user_id  uuid not null references app_user (id),
    kind     varchar(40) not null,
    channels varchar(100) not null,
    primary key (user_id, kind)
);

-- A person's language, time zone and quiet hours for what is sent to them; without a row, the instance's defaults.
create table notification_setting (
    user_id    uuid primary key references app_user (id),
    language   varchar(10) not null,
    time_zone  varchar(60) not null,
    quiet_from varchar(5),
    quiet_to   varchar(5)
);

-- A notification on a channel beyond the app (e-mail, chat): tried until sent, with back-off, for a day.
create table notification_delivery (
    id              uuid primary key,
    notification_id uuid not null references notification (id),
    channel         varchar(20) not null,
    status          varchar(20) not null,
    attempts        integer not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(1000),
    sent_at         timestamp with time zone,
    unique (notification_id, channel)
);
create index notification_delivery_due on notification_delivery (status, next_attempt_at);

-- Secrets this instance keeps for all its nodes (the key that signs unsubscribe links), made at first use.
create table instance_secret (
    secret_name  varchar(60) primary key,
    secret_value varchar(200) not null
);
