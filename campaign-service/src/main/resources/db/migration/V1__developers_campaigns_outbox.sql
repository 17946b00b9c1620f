CREATE TABLE developers (
    id           uuid PRIMARY KEY,
    subject      varchar(255) NOT NULL UNIQUE,
    email        varchar(320) NOT NULL UNIQUE,
    name         varchar(255),
    company_name varchar(255),
    verified     boolean      NOT NULL DEFAULT false,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL
);

CREATE TABLE campaigns (
    id                  uuid PRIMARY KEY,
    developer_id        uuid         NOT NULL REFERENCES developers (id),
    name                varchar(255) NOT NULL,
    description         text,
    app_name            varchar(255) NOT NULL,
    status              varchar(16)  NOT NULL,
    starts_at           timestamptz,
    expires_at          timestamptz  NOT NULL,
    max_claims_per_user integer      NOT NULL DEFAULT 1 CHECK (max_claims_per_user >= 1),
    max_total_claims    integer CHECK (max_total_claims >= 1),
    metadata            jsonb        NOT NULL DEFAULT '{}'::jsonb,
    total_codes         bigint       NOT NULL DEFAULT 0,
    used_codes          bigint       NOT NULL DEFAULT 0,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL
);
CREATE INDEX campaigns_developer_status ON campaigns (developer_id, status);

CREATE TABLE outbox (
    id          bigserial PRIMARY KEY,
    topic       varchar(64) NOT NULL,
    message_key varchar(64),
    payload     bytea,
    created_at  timestamptz NOT NULL
);
