-- Complaints from mailbox providers' feedback loops (ARF reports, RFC 5965) read from the bounce mailbox
-- (newsletter/Complaints). A complaint ends the subscription (the address is deleted, as an unsubscribe does) and
-- leaves only a keyed hash of edition and address, so that the address is never mailed again, not even a
-- confirmation, unless an admin removes that reader's data on request. The send counts its complaints.
create table newsletter_complaints (
    edition       varchar(8)  not null,
    address_mark  varchar(64) not null,
    complained_at timestamp with time zone not null,
    primary key (edition, address_mark)
);

alter table newsletter_sends add column complaints int not null default 0;
