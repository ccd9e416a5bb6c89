-- Counts each password change, so that the account's sessions signed in with an older password end.
alter table accounts add column password_version integer default 0 not null;
