-- Every claim inserts an outbox row and the relay deletes it moments later. The relay reads the oldest
-- rows by id, so until vacuum removes the deleted ones each of its reads steps over all of them (about 50
-- dead rows fetched per read under a crowd with the default thresholds). Vacuum it every few thousand rows.
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
                        autovacuum_vacuum_cost_delay = 0);
