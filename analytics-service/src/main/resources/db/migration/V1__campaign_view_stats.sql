CREATE TABLE campaign_view (
    id         uuid PRIMARY KEY,
    snapshot   jsonb       NOT NULL,
    deleted             boolean     NOT NULL DEFAULT false,
    status              varchar(16) NOT NULL,
    starts_at           timestamptz,
    expires_at          timestamptz,
    max_claims_per_user integer     NOT NULL,
    max_total_claims    integer,
    updated_at          timestamptz NOT NULL
);

-- every event applied to the aggregates, so a redelivered one is recognised and skipped
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE platform_stats (
    campaign_id   uuid        NOT NULL,
    platform      varchar(16) NOT NULL,
    total_codes   bigint      NOT NULL DEFAULT 0,
    used_codes    bigint      NOT NULL DEFAULT 0,
    expired_codes bigint      NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, platform)
);
