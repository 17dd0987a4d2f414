-- Comments on objectives, key results and KPIs (subject_type OBJECTIVE | KEY_RESULT | KPI), with
-- the users they @mention kept for notifications to come. (V8 is PostgreSQL's alone.)
create table comment (
    id           uuid primary key,
    subject_type varchar(20) not null,
    subject_id   uuid not null,
    author_id    uuid not null references app_user (id),
    body         varchar(10000) not null,
    created_at   timestamp with time zone not null
);
create index comment_subject on comment (subject_type, subject_id, id);

create table comment_mention (
    comment_id uuid not null references comment (id),
    user_id    uuid not null references app_user (id),
    primary key (comment_id, user_id)
);
