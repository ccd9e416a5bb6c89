-- The CDN purge at a breaking alert's expiry is sent by one node: every node drops its own pages when the alert
-- expires, and the one whose update sets this flag first also tells the CDN (pagecache/AlertChanges, ADR 155).

alter table breaking_alerts add column expiry_purged boolean default false not null;
