-- Failed sign-ins of the last hour, per account and per address: the throttle counts them across
-- every node on the database (identity/SignInThrottle.java).
create table sign_in_failure (
    id       uuid primary key,
    username varchar(100),
    address  varchar(64) not null,
    at       timestamp with time zone not null
);
create index sign_in_failure_username on sign_in_failure (username, at);
create index sign_in_failure_address on sign_in_failure (address, at);
create index sign_in_failure_at on sign_in_failure (at);
