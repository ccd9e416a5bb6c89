-- What a token may do, a comma-separated list of scopes (read, write, publish, admin). Tokens made before scopes
-- existed could do everything their account could, and keep that.
alter table api_tokens add column scopes varchar(100) default 'read,write,publish,admin' not null;
