-- One history for H2 (PostgreSQL mode) and PostgreSQL: keep to SQL both run.

create table app_user (
    id            uuid primary key,
    username      varchar(100) not null unique,
    name          varchar(200) not null,
    email         varchar(320),
    password_hash varchar(200),
    admin         boolean not null default false,
    active        boolean not null default true,
    created_at    timestamp with time zone not null,
    version       bigint not null default 0
);

create table team (
    id         uuid primary key,
    slug       varchar(100) unique,
    name       varchar(200) not null,
    parent_id  uuid references team (id),
    created_at timestamp with time zone not null,
    version    bigint not null default 0
);
create index team_parent on team (parent_id);

create table membership (
    team_id uuid not null references team (id),
    user_id uuid not null references app_user (id),
    role    varchar(20) not null,
    primary key (team_id, user_id)
);
create index membership_user on membership (user_id);

create table api_token (
    id           uuid primary key,
    user_id      uuid not null references app_user (id),
    name         varchar(200) not null,
    token_hash   varchar(64) not null unique,
    scopes       varchar(100) not null,
    expires_at   timestamp with time zone,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone
);
create index api_token_user on api_token (user_id);

create table cycle (
    id         uuid primary key,
    name       varchar(100) not null unique,
    start_date date not null,
    end_date   date not null,
    closed_at  timestamp with time zone,
    created_at timestamp with time zone not null,
    version    bigint not null default 0
);

-- Kept from OKRs-as-code files now; the KPI capability builds on this table.
create table kpi (
    id                uuid primary key,
    kpi_key           varchar(100) not null unique,
    name              varchar(200) not null,
    definition        varchar(4000),
    reason            varchar(4000),
    data_source       varchar(1000),
    unit              varchar(50),
    direction         varchar(20) not null,
    target            double precision,
    warning_threshold double precision,
    lower_bound       double precision,
    upper_bound       double precision,
    warning_margin    double precision,
    frequency         varchar(20) not null,
    indicator         varchar(20),
    perspective       varchar(30),
    aggregation       varchar(10) not null,
    formula           varchar(2000),
    team_id           uuid references team (id),
    owner_id          uuid references app_user (id),
    review_every_days integer,
    last_reviewed_at  timestamp with time zone,
    created_at        timestamp with time zone not null,
    version           bigint not null default 0
);

create table objective (
    id                   uuid primary key,
    cycle_id             uuid not null references cycle (id),
    slug                 varchar(100) unique,
    title                varchar(500) not null,
    description          varchar(10000),
    level                varchar(20) not null,
    team_id              uuid references team (id),
    owner_id             uuid references app_user (id),
    parent_id            uuid references objective (id),
    parent_key_result_id uuid,
    type                 varchar(20) not null,
    visibility           varchar(20) not null,
    retrospective        varchar(10000),
    carried_from_id      uuid,
    final_score          double precision,
    created_at           timestamp with time zone not null,
    version              bigint not null default 0
);
create index objective_cycle on objective (cycle_id);
create index objective_parent on objective (parent_id);
create index objective_parent_kr on objective (parent_key_result_id);
create index objective_owner on objective (owner_id);
create index objective_team on objective (team_id);

create table key_result (
    id              uuid primary key,
    objective_id    uuid not null references objective (id),
    position        integer not null,
    title           varchar(500) not null,
    type            varchar(20) not null,
    unit            varchar(50),
    weight          double precision not null,
    owner_id        uuid references app_user (id),
    due_date        date not null,
    start_value     double precision,
    target_value    double precision,
    min_value       double precision,
    max_value       double precision,
    kpi_id          uuid references kpi (id),
    grade           double precision,
    grade_note      varchar(2000),
    final_score     double precision,
    carried_from_id uuid,
    -- The latest check-in and the in-range tally, kept in step with check_in on every
    -- check-in so that dashboards read one row per KR instead of the whole history.
    current_value    double precision,
    current_achieved boolean,
    current_confidence integer,
    last_check_in_at timestamp with time zone,
    check_in_count   integer not null default 0,
    in_range_count   integer not null default 0,
    created_at      timestamp with time zone not null,
    version         bigint not null default 0
);
create index key_result_objective on key_result (objective_id);
create index key_result_owner on key_result (owner_id);

-- What changed on a key result and why: created, target or due date changed, moved, carried over.
create table key_result_change (
    id            uuid primary key,
    key_result_id uuid not null references key_result (id),
    at            timestamp with time zone not null,
    author_id     uuid,
    kind          varchar(30) not null,
    field         varchar(30),
    old_value     varchar(200),
    new_value     varchar(200),
    reason        varchar(2000)
);
create index key_result_change_kr on key_result_change (key_result_id, at);

create table check_in (
    id            uuid primary key,
    key_result_id uuid not null references key_result (id),
    at            timestamp with time zone not null,
    amount        double precision,
    achieved      boolean,
    confidence    integer,
    note          varchar(4000),
    author_id     uuid,
    source        varchar(20) not null,
    created_at    timestamp with time zone not null
);
create index check_in_kr_at on check_in (key_result_id, at);
