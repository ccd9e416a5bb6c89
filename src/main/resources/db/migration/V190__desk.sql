-- The desk (ADR 90, ADR 91): when a story last changed in any way (a save, a step of the workflow), kept by the story
-- module's writes; and the indexes that let the desk read one page of 100,000 stories in any of its orders without
-- sorting them all. Each index leads with the columns a desk view fixes by equality, then the order, newest first.
alter table stories add column changed_at timestamp with time zone default current_timestamp;
update stories set changed_at = coalesce(updated_at, published_at, created_at);
alter table stories alter column changed_at set not null;

create index stories_desk_changed on stories (changed_at desc, id desc);
create index stories_desk_edition_changed on stories (edition, changed_at desc, id desc);
create index stories_desk_status_changed on stories (status, changed_at desc, id desc);
create index stories_desk_creator_changed on stories (created_by, changed_at desc, id desc);
create index stories_desk_published on stories (published_at desc, id desc);
create index stories_desk_views on stories (views desc, id desc);
create index stories_desk_edition_views on stories (edition, views desc, id desc);

-- A section may be kept out of the reader site's menu (an import's catch-all section is by default).
alter table sections add column in_menu boolean default true not null;

-- The language the newsroom speaks to an account (en, ru, hy); none: the browser's Accept-Language.
alter table accounts add column language varchar(8);

-- The audit log's pages, newest first, by person or by action.
create index audit_log_newest on audit_log (at desc, id desc);
create index audit_log_actor_newest on audit_log (actor, at desc, id desc);
create index audit_log_action_newest on audit_log (action, at desc, id desc);
