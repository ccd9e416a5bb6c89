-- Client addresses each account has signed in from: the login throttle slows an account's other addresses while it
-- is being guessed at, but not these (docs/security.md). Keys are digests, as in login_failures.
create table login_known_addresses (
    pair         varchar(100) not null primary key,
    last_success timestamp with time zone not null
);

create index login_known_addresses_success on login_known_addresses (last_success);
