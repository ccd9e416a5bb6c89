-- Site settings per edition (issue 22): the outlet's name as the edition shows it (none: the configured name), its
-- logo from the media library (none: the name in letters; no foreign key, so an image removed from the library only
-- drops the logo), and the edition's own menu links, one a line as "address label", in the order readers see them.
alter table site_settings add column outlet_name varchar(100);
alter table site_settings add column logo_id bigint;
alter table site_settings add column menu varchar(5000);
