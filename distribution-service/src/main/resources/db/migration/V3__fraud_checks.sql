-- The fraud checks of refused claims (SPEC §3, seed 004): every check that ran on a blocked request,
-- flagged or not, with the counts it saw; the request is code_requests.id (partitioned, so no foreign key)
CREATE TABLE fraud_checks (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id  uuid        NOT NULL,
    campaign_id uuid        NOT NULL,
    user_id     uuid,
    check_type  varchar(32) NOT NULL
        CHECK (check_type IN ('ip_duplicate', 'device_duplicate', 'velocity_limit', 'cross_campaign')),
    flagged     boolean     NOT NULL,
    details     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX fraud_checks_request ON fraud_checks (request_id);
CREATE INDEX fraud_checks_campaign_created ON fraud_checks (campaign_id, created_at);
