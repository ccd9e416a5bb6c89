-- Front pages arranged by editors (story/FrontSlots): per edition, the story placed in a slot of the front page
-- (0 is the lead, 1 and up the top slots), optionally until a time, after which the slot fills itself again. A story is
-- in at most one slot of its edition. A deleted story leaves its slot; an unpublished one is skipped when read.
create table front_slots (
    edition      varchar(8)   not null,
    position     int          not null,
    story_id     bigint       not null references stories (id) on delete cascade,
    pinned_until timestamp with time zone,
    placed_by    varchar(320) not null,
    placed_at    timestamp with time zone not null,
    primary key (edition, position)
);

create unique index front_slots_story on front_slots (edition, story_id);
create index front_slots_until on front_slots (pinned_until);
