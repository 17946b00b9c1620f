-- promo_codes.status gains 'withdrawn' (a developer took an unused code back; final, never handed out).

-- The expiry job probes each campaign for unused codes past expires_at; only those rows are in this index
CREATE INDEX promo_codes_unused_expiry ON promo_codes (campaign_id, expires_at)
    WHERE status = 'unused' AND expires_at IS NOT NULL;

-- Redemption knows only the code's text: it is unique per campaign, not globally
CREATE INDEX promo_codes_code ON promo_codes (code);

-- Privacy: after a while an end user's IP is replaced by its keyed hash (see PrivacyService)
ALTER TABLE end_users ADD COLUMN ip_hash varchar(64);

-- Every redemption attempt, failed ones too. campaign_id and code_id stay null when the code is not one
-- of the caller's, so the table never tells one developer about another's codes.
CREATE TABLE redemption_attempts (
    id             bigserial PRIMARY KEY,
    code           varchar(50)  NOT NULL,
    campaign_id    uuid,
    code_id        uuid,
    developer      varchar(255) NOT NULL,
    device_id      varchar(100),
    user_id        uuid,
    attempted_at   timestamptz  NOT NULL,
    success        boolean      NOT NULL,
    failure_reason varchar(32),
    ip_address     varchar(45),
    ip_hash        varchar(64),
    user_agent     varchar(100)
);
CREATE INDEX redemption_attempts_code ON redemption_attempts (code_id, attempted_at);
CREATE INDEX redemption_attempts_campaign ON redemption_attempts (campaign_id, attempted_at);

-- What happened to a code, by whom, from where: status changes (expired, withdrawn), redemptions and
-- reveals of the full code. Claims (unused -> used) are the claims table; code_audit_trail shows both.
CREATE TABLE code_audit (
    id          bigserial PRIMARY KEY,
    code_id     uuid         NOT NULL,
    campaign_id uuid         NOT NULL,
    action      varchar(16)  NOT NULL,
    actor       varchar(255) NOT NULL,
    ip_address  varchar(45),
    ip_hash     varchar(64),
    user_agent  varchar(100),
    at          timestamptz  NOT NULL
);
CREATE INDEX code_audit_code ON code_audit (code_id, at);

CREATE VIEW code_audit_trail AS
SELECT a.code_id, a.campaign_id, a.action, a.actor, a.ip_address, a.ip_hash, a.at
FROM code_audit a
UNION ALL
SELECT c.code_id, c.campaign_id, 'claimed', c.user_id::text, u.ip_address, u.ip_hash, c.claimed_at
FROM claims c LEFT JOIN end_users u ON u.id = c.user_id;

-- Privacy: the partial indexes hold only the rows whose IP is still to be hashed
CREATE INDEX end_users_ip_to_hash ON end_users (created_at) WHERE ip_address IS NOT NULL;
CREATE INDEX redemption_attempts_ip_to_hash ON redemption_attempts (attempted_at) WHERE ip_address IS NOT NULL;
CREATE INDEX code_audit_ip_to_hash ON code_audit (at) WHERE ip_address IS NOT NULL;
-- ... and end users are forgotten a while after they were last seen
CREATE INDEX end_users_last_seen ON end_users (last_seen_at);
