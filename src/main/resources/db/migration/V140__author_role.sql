-- An author's role in the newsroom ("Economics correspondent"), shown on their page under the name.
alter table authors add column role varchar(160);
