-- A one-time link where a person added by an admin chooses their own password: only the SHA-256 of its secret is
-- kept; it works once, until it expires.
create table invitation (
    token_hash varchar(64) primary key,
    user_id    uuid not null references app_user (id),
    created_by uuid not null references app_user (id),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
create index invitation_user on invitation (user_id);

-- When an admin put away the first steps' checklist on Home.
alter table app_user add column onboarding_dismissed_at timestamp with time zone;
