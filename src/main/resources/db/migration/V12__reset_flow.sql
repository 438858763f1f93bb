-- Reset flows (SPEC §5): server-side state of one attempt, so any node can serve any step.
CREATE TABLE reset_flow (
    id                VARCHAR(36) PRIMARY KEY,
    tenant_id         UUID NOT NULL,
    account_id        UUID NOT NULL,
    intent            VARCHAR(16),
    required_methods  INTEGER NOT NULL,
    verified          VARCHAR(1000) NOT NULL,
    challenge_method  UUID,
    challenge_state   VARCHAR(4000),
    step              VARCHAR(24) NOT NULL,
    version           INTEGER NOT NULL,
    client_ip         VARCHAR(64) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    outcome           VARCHAR(24)
);
CREATE INDEX reset_flow_expiry ON reset_flow (expires_at);
CREATE INDEX reset_flow_account ON reset_flow (account_id);
