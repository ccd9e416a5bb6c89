-- Web Push sends per device (push/, ADR 125): one row per message and subscription, written before the request
-- leaves ('sending', in one commit for a chunk of devices) and given its outcome after ('sent', 'retry', 'gone',
-- 'failed', 'expired'), again in one commit per chunk. A row present means the device is never sent this message
-- again by the first attempt; 'retry' rows are taken again only by their retry batch. A 'sending' row left by a node
-- that died between request and commit becomes 'unknown' and is not sent again (at most once per device).
-- message: 'alert:<alertId>' or 'entry:<entryId>'; claim: the random token of the run that took the row.
create table push_sends (
    message         varchar(60)  not null,
    subscription_id bigint       not null,
    state           varchar(10)  not null,
    attempts        int          not null,
    claim           varchar(40)  not null,
    last_error      varchar(200),
    updated_at      timestamp with time zone not null,
    primary key (message, subscription_id)
);

create index push_sends_claim on push_sends (claim);
create index push_sends_updated on push_sends (updated_at);
