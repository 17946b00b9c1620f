-- Wakes the outbox relay at commit for every statement that inserts outbox rows, so a statement that
-- writes a batch's claims and their events in one go needs no NOTIFY statement of its own. The channel
-- is Outbox.CHANNEL; Postgres folds repeated notifications of one transaction into one.
CREATE FUNCTION notify_outbox_relay() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END $$;

CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_relay();
