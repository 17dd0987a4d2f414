-- Wins: a key result that reached DONE, or an objective whose cycle closed with a score of 0.7 or
-- more, recorded once when it happens (subject_id is the key result's or the objective's id; a
-- second check-in at the target finds the row there). No foreign keys into the OKR tables: a win
-- outlives its key result's deletion; one whose objective is gone is no longer shown.
create table win (
    id           uuid primary key,
    kind         varchar(20) not null,
    subject_id   uuid not null,
    objective_id uuid not null,
    title        varchar(500) not null,
    cycle_id     uuid not null,
    team_id      uuid,
    person_id    uuid,
    score        double precision,
    achieved_at  timestamp with time zone not null,
    constraint win_once unique (kind, subject_id)
);
create index win_newest on win (achieved_at, id);
create index win_cycle on win (cycle_id, achieved_at);

-- Kudos: a note of appreciation on a win, from anyone who may see it.
create table kudos (
    id         uuid primary key,
    win_id     uuid not null references win (id),
    author_id  uuid not null references app_user (id),
    note       varchar(500) not null,
    created_at timestamp with time zone not null
);
create index kudos_win on kudos (win_id, id);
