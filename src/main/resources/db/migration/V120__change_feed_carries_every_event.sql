-- The change feed carries every domain event (stories, sections, tags, authors, site settings), not only story
-- changes: a row names the event's class (kind) and holds the event itself as JSON (payload). story_id and section_id
-- are filled for story events and 0 for the others. Purge notices ('purge' rows naming cache tags) are no longer
-- written: every node works out what to purge from the event itself.
alter table story_changes rename to cluster_changes;
alter table cluster_changes alter column kind set data type varchar(120);
alter table cluster_changes add column payload varchar(1000000);
alter table cluster_changes drop column purge_tags;
