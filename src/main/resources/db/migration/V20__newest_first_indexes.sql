-- The newest published stories of an edition or a section (front page, section pages, "more from this section") are
-- read from the end of these indexes, a page's worth of entries, instead of sorting every entry of the edition or
-- section. H2 walks an index in the order of a query only when the index starts with the ORDER BY's columns, so the
-- columns the query fixes by equality lead both here and in its ORDER BY, and the newest come first. They replace the
-- ascending ones of V1, which served the same conditions.
drop index stories_edition_published;
drop index stories_section_published;
create index stories_edition_newest on stories (edition, status, published_at desc, id desc);
create index stories_section_newest on stories (section_id, status, published_at desc, id desc);
