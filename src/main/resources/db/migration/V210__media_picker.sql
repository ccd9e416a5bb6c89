-- The story editor's media picker (ADR 110): the edition an image was brought in for, and the indexes its filters
-- use. An image uploaded from a story's editor belongs to that story's edition; older images belong to none and are
-- found under an edition when a story of it has them as its featured image.
alter table media add column edition varchar(8);
create index media_edition_created on media (edition, created_at);
create index stories_edition_image on stories (edition, image_id);
