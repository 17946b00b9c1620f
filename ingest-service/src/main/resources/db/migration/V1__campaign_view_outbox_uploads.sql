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

CREATE TABLE outbox (
    id          bigserial PRIMARY KEY,
    topic       varchar(64) NOT NULL,
    message_key varchar(64),
    payload     bytea,
    created_at  timestamptz NOT NULL
);

CREATE TABLE uploads (
    id                uuid PRIMARY KEY,
    campaign_id       uuid         NOT NULL,
    developer_subject varchar(255) NOT NULL,
    kind              varchar(16)  NOT NULL,
    file_name         varchar(255),
    status            varchar(16)  NOT NULL,
    rows_total        bigint       NOT NULL DEFAULT 0,
    accepted          bigint       NOT NULL DEFAULT 0,
    duplicates        bigint       NOT NULL DEFAULT 0,
    invalid           bigint       NOT NULL DEFAULT 0,
    failure_reason    text,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);
CREATE INDEX uploads_campaign_created ON uploads (campaign_id, created_at DESC);
