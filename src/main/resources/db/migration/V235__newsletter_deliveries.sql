-- Newsletter deliveries (ADR 135): one row per recipient of a digest or breaking alert, in batches of a few hundred
-- that the queue `newsletter-batches` sends one by one over one SMTP connection. A row is 'pending', then 'begun'
-- (committed before its mail is handed to the server, a chunk at a time), then 'sent', 'failed', 'skipped' (no longer
-- subscribed) or 'unknown' (begun by a run that ended without writing what happened: never sent again).
-- Only ids: once a subscription is deleted nothing here leads back to its address.

create table newsletter_deliveries (
    send_id          bigint      not null,
    subscription_id  bigint      not null,
    batch_no         int         not null,
    state            varchar(10) not null,
    attempts         int         not null default 0,
    run_id           varchar(36),
    finished_at      timestamp with time zone,
    primary key (send_id, subscription_id)
);

create index newsletter_deliveries_batch on newsletter_deliveries (send_id, batch_no);
