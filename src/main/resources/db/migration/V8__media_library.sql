-- The media library: what an image shows (alt text, caption, credit), who brought it in, and its srcset variants.
alter table media add column alt_text varchar(500);
alter table media add column caption varchar(500);
alter table media add column credit varchar(200);
alter table media add column uploaded_by varchar(320);
alter table media add column original_name varchar(255);
alter table media add column variant_widths varchar(200) default '' not null;
alter table media add column byte_size bigint default 0 not null;
create index media_created on media (created_at);
