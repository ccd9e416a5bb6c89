-- The lead of a front page is the newest featured story of an edition; without this index finding it reads every
-- story of the edition.

create index stories_edition_featured on stories (edition, featured, status, published_at);
