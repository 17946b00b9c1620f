-- applied event ids are forgotten after a retention period, oldest first
CREATE INDEX processed_events_age ON processed_events (processed_at);

-- the next offset to apply per partition of each statistics topic, moved in the statement that applies
-- a batch: records read again from behind it (a rebalance, an offset reset, expired group offsets)
-- are skipped however old they are, even once their event ids were forgotten
CREATE TABLE consumed_positions (
    topic       varchar(249) NOT NULL,
    partition   integer      NOT NULL,
    next_offset bigint       NOT NULL,
    PRIMARY KEY (topic, partition)
);
