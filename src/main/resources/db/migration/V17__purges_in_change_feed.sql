-- Changes that are not a story's (a renamed section, a merged tag, an edition's site settings) travel through the same
-- feed as story changes, as rows of kind 'purge' naming the cache tags every node must drop. Their story_id and
-- section_id are 0 and their edition is empty.
alter table story_changes add column purge_tags varchar(4000);
