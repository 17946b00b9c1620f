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
