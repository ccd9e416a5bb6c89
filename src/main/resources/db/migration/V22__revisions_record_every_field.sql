-- A revision records every field an editor can change, so that restoring one brings back the image, section, tags,
-- bylines, source, flags and search texts as well as the text. Revisions written before this migration have
-- all_fields = false: restoring them brings back their text and keeps the rest as the story has it.
alter table story_revisions add column all_fields boolean default false not null;
alter table story_revisions add column section_id bigint;
alter table story_revisions add column slug varchar(200);
alter table story_revisions add column image_id bigint;
alter table story_revisions add column image_alt varchar(500);
alter table story_revisions add column image_caption varchar(500);
alter table story_revisions add column image_credit varchar(200);
alter table story_revisions add column source_name varchar(200);
alter table story_revisions add column source_url varchar(1000);
alter table story_revisions add column tag_names varchar(4000);
alter table story_revisions add column author_ids varchar(1000);
alter table story_revisions add column featured boolean;
alter table story_revisions add column breaking boolean;
alter table story_revisions add column seo_title varchar(300);
alter table story_revisions add column seo_description varchar(1000);
-- An autosave replaces the account's previous autosave of the same story instead of adding a revision.
alter table story_revisions add column autosave boolean default false not null;
