CREATE TABLE teams (
    id         uuid PRIMARY KEY,
    name       varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL
);

CREATE TABLE team_members (
    id           uuid PRIMARY KEY,
    team_id      uuid        NOT NULL REFERENCES teams (id),
    developer_id uuid        NOT NULL REFERENCES developers (id),
    role         varchar(16) NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    UNIQUE (team_id, developer_id)
);
-- "which teams am I in" runs on every campaign list and access check
CREATE INDEX team_members_developer ON team_members (developer_id, team_id);

-- teams add members by the email they signed in with, whatever its case
CREATE INDEX developers_email_lower ON developers (lower(email));

ALTER TABLE campaigns ADD COLUMN team_id uuid REFERENCES teams (id);
ALTER TABLE campaigns ADD COLUMN expired_codes bigint NOT NULL DEFAULT 0;
CREATE INDEX campaigns_team ON campaigns (team_id) WHERE team_id IS NOT NULL;
-- the expiry job only ever looks at campaigns that can still expire
CREATE INDEX campaigns_expiry ON campaigns (expires_at) WHERE status IN ('active', 'paused');

-- every event applied to the counts, so a redelivered one is recognised and skipped
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_events_age ON processed_events (processed_at);
