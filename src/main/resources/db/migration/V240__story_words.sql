-- The desk's word index (ADR 140): the distinct words of each story's headline, standfirst and text, lower-cased and
-- cut to 32 characters, written by the story module in the transaction of every write of a story's text
-- (story/StoryWords); V241 (story/StoryWordsFill, a Java migration) fills it for the stories already there.
-- A desk word matches as a prefix: `head` (the word's first three characters, or the whole of a shorter word) is
-- compared with `=`, the word itself with `like 'prefix%'`, so the index serves the search under any collation
-- (PostgreSQL's btree cannot serve a prefix LIKE under a non-C collation; an equality it always can).
create table story_words (
    story_id bigint      not null references stories (id) on delete cascade,
    head     varchar(8)  not null,
    word     varchar(32) not null,
    primary key (story_id, head, word)
);
create index story_words_head on story_words (head, word, story_id);
