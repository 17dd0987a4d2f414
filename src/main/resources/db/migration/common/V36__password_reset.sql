-- A one-time link also serves a person who forgot their password (issue 18): its purpose, and from which address it
-- was asked for (to throttle requests per address as well as per account).
alter table invitation add column purpose varchar(20) default 'JOIN' not null;
alter table invitation add column requested_from varchar(100);
