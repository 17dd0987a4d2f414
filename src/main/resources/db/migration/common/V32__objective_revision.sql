-- A number that changes with every write to an objective or to its key results (their definitions, check-ins and
-- lines): what the coach's findings of an objective were judged from, so that a node may keep them until it moves.
alter table objective add column revision bigint default 0 not null;
