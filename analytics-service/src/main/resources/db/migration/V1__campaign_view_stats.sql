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

-- platform statistics are summed over the campaigns whose readers include the caller
CREATE INDEX campaign_view_readers ON campaign_view USING gin ((snapshot -> 'readers'));

-- every event applied to the aggregates, so a redelivered or replayed one is recognised and skipped
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- codes per campaign and platform; what the API calls total is stocked minus withdrawn
CREATE TABLE platform_stats (
    campaign_id     uuid        NOT NULL,
    platform        varchar(16) NOT NULL,
    stocked_codes   bigint      NOT NULL DEFAULT 0,
    used_codes      bigint      NOT NULL DEFAULT 0,
    expired_codes   bigint      NOT NULL DEFAULT 0,
    withdrawn_codes bigint      NOT NULL DEFAULT 0,
    redeemed_codes  bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, platform)
);

-- codes newly claimed per campaign and UTC day of the request
CREATE TABLE daily_usage (
    campaign_id uuid   NOT NULL,
    day         date   NOT NULL,
    used_codes  bigint NOT NULL,
    PRIMARY KEY (campaign_id, day)
);

-- every claim attempt, by campaign, platform, UTC day and outcome
CREATE TABLE request_stats (
    campaign_id uuid        NOT NULL,
    platform    varchar(16) NOT NULL,
    day         date        NOT NULL,
    status      varchar(32) NOT NULL,
    requests    bigint      NOT NULL,
    PRIMARY KEY (campaign_id, platform, day, status)
);

CREATE INDEX request_stats_day ON request_stats (day);

-- a version per campaign that changes with every applied batch, so live streams on any replica can
-- tell cheaply whether a campaign's document changed; last_updated is the newest event applied
CREATE SEQUENCE stats_version;

CREATE TABLE campaign_stats (
    campaign_id  uuid PRIMARY KEY,
    version      bigint      NOT NULL,
    last_updated timestamptz NOT NULL
);

-- operator-started rebuilds of the aggregates from the topics; at most one runs at a time
CREATE TABLE rebuilds (
    id             uuid PRIMARY KEY,
    status         varchar(16)  NOT NULL,
    requested_by   varchar(255) NOT NULL,
    started_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    finished_at    timestamptz,
    events_read    bigint       NOT NULL DEFAULT 0,
    events_applied bigint       NOT NULL DEFAULT 0,
    error          text
);

CREATE UNIQUE INDEX rebuilds_one_running ON rebuilds ((true)) WHERE status = 'running';
