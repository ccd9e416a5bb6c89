-- The story event a delivery was queued for. The outbox delivers an event again after a crash; the unique index makes
-- queueing it a second time for the same endpoint a no-op, and receivers see the same payload id either way.
alter table webhook_deliveries add column event_id varchar(64);
create unique index webhook_deliveries_event on webhook_deliveries (endpoint_id, event_id);
