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

-- one upload or generation job; the generation columns are null for uploads
CREATE TABLE uploads (
    id                uuid PRIMARY KEY,
    campaign_id       uuid         NOT NULL,
    developer_subject varchar(255) NOT NULL,
    kind              varchar(16)  NOT NULL,
    file_name         varchar(255),
    format            varchar(32),
    status            varchar(16)  NOT NULL,
    rows_total        bigint       NOT NULL DEFAULT 0,
    accepted          bigint       NOT NULL DEFAULT 0,
    duplicates        bigint       NOT NULL DEFAULT 0,
    invalid           bigint       NOT NULL DEFAULT 0,
    batches_total     integer      NOT NULL DEFAULT 0,
    batches_stocked   integer      NOT NULL DEFAULT 0,
    failure_reason    text,
    platform          varchar(16),
    expires_at        timestamptz,
    code_prefix       varchar(50),
    code_length       integer,
    charset           varchar(64),
    requested         bigint,
    target            bigint,
    top_up_rounds     integer,
    generation_key    bytea,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);
CREATE INDEX uploads_campaign_created ON uploads (campaign_id, created_at DESC);
-- the generator's work list stays tiny: only generations that still have codes to make
CREATE INDEX uploads_pending_generations ON uploads (updated_at)
    WHERE kind = 'generation' AND status IN ('RECEIVED', 'PARSING');

-- every code-batches event of a job; outcome stays null until distribution's stock event for it arrives
CREATE TABLE upload_batches (
    upload_id  uuid        NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    batch_seq  integer     NOT NULL,
    codes      integer     NOT NULL,
    outcome    varchar(16),
    accepted   integer,
    duplicates integer,
    reason     text,
    stocked_at timestamptz,
    PRIMARY KEY (upload_id, batch_seq)
);

-- rows of an upload that were not taken, one reason each
CREATE TABLE upload_errors (
    upload_id   uuid        NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    row_number  bigint      NOT NULL,
    code_masked varchar(16) NOT NULL,
    reason      varchar(32) NOT NULL,
    PRIMARY KEY (upload_id, row_number)
);
