-- A claim no longer rewrites its code's row: the claims row is the record that a code was handed out, and
-- the pool's cursor already keeps allocation past it. The rewrite was the claim path's largest write (a new
-- row version and an entry in three indexes: status decides the partial ones, so it was never a HOT update),
-- and after a burst of claims autovacuum cleaned up after it for minutes, with a core's worth of CPU.
--
-- A code's status as shown is 'used' while a claim holds it; promo_codes.status keeps the changes that are
-- not claims (expired, withdrawn). The expiry job writes 'used' to the claimed codes it passes, so that they
-- leave its partial index.
CREATE VIEW code_states AS
SELECT p.id, p.campaign_id, p.seq, p.code, p.platform,
       CASE WHEN c.code_id IS NULL THEN p.status ELSE 'used' END AS status,
       p.expires_at, c.claimed_at AS used_at, c.user_id AS used_by_user_id, p.redeemed_at, p.created_at
FROM promo_codes p LEFT JOIN claims c ON c.code_id = p.id;

ALTER TABLE promo_codes DROP COLUMN used_at, DROP COLUMN used_by_user_id;
