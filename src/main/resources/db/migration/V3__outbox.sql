-- The outbox: Spring Modulith's event publication registry. A row per event and listener, written in the
-- transaction that changed the story, completed when the listener has handled it.

create table event_publication (
    id                     uuid         not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       text         not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(32),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);

create index event_publication_completion on event_publication (completion_date);
