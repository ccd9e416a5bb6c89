-- Who has a story open in the editor, on any node: each open editor page writes its row every 15 seconds; a row
-- older than 45 seconds means the page is gone. One row per story and account (its sign-in address) (two tabs of one person are one).
create table editor_presence (
    story_id      bigint not null,
    email         varchar(254) not null,
    display_name  varchar(254) not null,
    node          varchar(200) not null,
    seen_at       timestamp with time zone not null,
    primary key (story_id, email)
);

create index editor_presence_seen on editor_presence (seen_at);
