-- An objective adopted from a template starts as a draft: seen only by those who may change it
-- (like a private one) until someone who may change it publishes it.
alter table objective add column draft boolean not null default false;
