-- The OKR readiness assessment: each submission (who, when) with its answers as rows, one per question key of
-- assessment/questions.yaml, so that progress shows over time. No foreign key to app_user: a submission
-- remembers who answered even after a restore replaces the users.
create table assessment (
    id           uuid primary key,
    submitted_by uuid not null,
    submitted_at timestamp with time zone not null
);
create index assessment_submitted on assessment (submitted_at, id);

create table assessment_answer (
    assessment_id uuid not null references assessment (id),
    question_key  varchar(100) not null,
    answer        integer not null,
    primary key (assessment_id, question_key)
);
