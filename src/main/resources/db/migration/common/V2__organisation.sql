-- The organisation's own name (one row), as OKRs-as-code files carry it.
create table organisation (
    id   integer primary key,
    name varchar(200) not null
);
