-- SPEC §7's textbook claim: one transaction per claim, the next unused code by FOR UPDATE SKIP LOCKED
UPDATE bench_codes SET status = 'used', used_at = now(), used_by = :client_id
WHERE id = (SELECT id FROM bench_codes
            WHERE campaign_id = 1 AND platform = 'Android' AND status = 'unused'
            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED);
