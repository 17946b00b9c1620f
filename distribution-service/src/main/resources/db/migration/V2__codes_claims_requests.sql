-- Codes in upload order: seq is the FIFO order, the partial index holds only what can still be handed out
CREATE TABLE promo_codes (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq             bigint GENERATED ALWAYS AS IDENTITY,
    campaign_id     uuid        NOT NULL,
    code            varchar(50) NOT NULL,
    platform        varchar(16) NOT NULL,
    status          varchar(16) NOT NULL DEFAULT 'unused',
    upload_id       uuid,
    expires_at      timestamptz,
    used_at         timestamptz,
    used_by_user_id uuid,
    redeemed_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT promo_codes_code_per_campaign UNIQUE (campaign_id, code)
);
CREATE INDEX promo_codes_campaign_platform_status ON promo_codes (campaign_id, platform, status);
CREATE INDEX promo_codes_unused_fifo ON promo_codes (campaign_id, platform, seq) WHERE status = 'unused';

-- Batches already stocked: a redelivered batch finds its row and stocks nothing
CREATE TABLE stocked_batches (
    upload_id   uuid        NOT NULL,
    batch_seq   integer     NOT NULL,
    campaign_id uuid        NOT NULL,
    accepted    integer     NOT NULL,
    duplicates  integer     NOT NULL,
    rejected    varchar(64),
    stocked_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (upload_id, batch_seq)
);

-- Per campaign and platform: the allocation cursor (highest seq handed out) and the codes still available
CREATE TABLE code_pools (
    campaign_id uuid        NOT NULL,
    platform    varchar(16) NOT NULL,
    last_seq    bigint      NOT NULL DEFAULT 0,
    available   bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, platform)
);

-- One row per campaign; locking it serialises allocation for the campaign across all replicas
CREATE TABLE allocation_state (
    campaign_id   uuid PRIMARY KEY,
    claimed_total bigint NOT NULL DEFAULT 0
);

-- End users: minimal PII, identified by device key (device id, web cookie, or client IP as a last resort)
CREATE TABLE end_users (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    device_key   varchar(128) NOT NULL UNIQUE,
    platform     varchar(16),
    user_agent   varchar(500),
    ip_address   varchar(45),
    country_code varchar(2),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    last_seen_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE claims (
    campaign_id uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    code_id     uuid        NOT NULL UNIQUE,
    platform    varchar(16) NOT NULL,
    claimed_at  timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, user_id, code_id)
);

-- Every claim attempt, partitioned by month; CodeRequestPartitions keeps months ahead created
CREATE TABLE code_requests (
    id          uuid        NOT NULL,
    campaign_id uuid        NOT NULL,
    user_id     uuid,
    platform    varchar(16) NOT NULL,
    code_id     uuid,
    status      varchar(32) NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE INDEX code_requests_campaign_created ON code_requests (campaign_id, created_at);

CREATE FUNCTION ensure_code_request_partitions(months_ahead integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    first_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
    month_start date;
    created     integer := 0;
BEGIN
    FOR i IN 0..months_ahead LOOP
        month_start := (first_month + make_interval(months => i))::date;
        IF to_regclass(format('code_requests_%s', to_char(month_start, 'YYYY_MM'))) IS NULL THEN
            EXECUTE format('CREATE TABLE code_requests_%s PARTITION OF code_requests FOR VALUES FROM (%L) TO (%L)',
                           to_char(month_start, 'YYYY_MM'),
                           month_start::timestamp AT TIME ZONE 'UTC',
                           (month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;

SELECT ensure_code_request_partitions(3);
