CREATE TABLE campaign_view (
    id         uuid PRIMARY KEY,
    snapshot   jsonb       NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL
);

CREATE TABLE outbox (
    id          bigserial PRIMARY KEY,
    topic       varchar(64) NOT NULL,
    message_key varchar(64),
    payload     bytea,
    created_at  timestamptz NOT NULL
);
