-- Every change of a pool raises its version; the available counts cached in Redis are written with it
-- and a write older than the cached one is dropped, so writes may be sent after the answer, from any
-- replica, in any order.
ALTER TABLE code_pools ADD COLUMN version bigint NOT NULL DEFAULT 0;
