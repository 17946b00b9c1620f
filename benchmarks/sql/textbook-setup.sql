DROP TABLE IF EXISTS bench_codes;
CREATE TABLE bench_codes (
    id          bigserial PRIMARY KEY,
    campaign_id integer     NOT NULL,
    platform    varchar(16) NOT NULL,
    code        varchar(50) NOT NULL,
    status      varchar(16) NOT NULL DEFAULT 'unused',
    used_at     timestamptz,
    used_by     integer
);
INSERT INTO bench_codes (campaign_id, platform, code)
SELECT 1, 'Android', 'T' || lpad(g::text, 9, '0') FROM generate_series(1, 200000) g;
CREATE INDEX bench_codes_pool ON bench_codes (campaign_id, platform, status);
VACUUM ANALYZE bench_codes;
