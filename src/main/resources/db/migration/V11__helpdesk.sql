-- "Contact an administrator" requests (SPEC §5 step 6), listed in the admin console until handled.
-- No foreign key on account_id: accounts may come from an external directory.
CREATE TABLE helpdesk_request (
    id           UUID PRIMARY KEY,
    tenant_id    UUID NOT NULL REFERENCES tenant (id),
    account_id   UUID NOT NULL,
    flow_id      UUID,
    reason       VARCHAR(32) NOT NULL,
    client_ip    VARCHAR(64) NOT NULL,
    user_agent   VARCHAR(512) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    handled_by   UUID,
    handled_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX helpdesk_request_tenant ON helpdesk_request (tenant_id, created_at);
CREATE INDEX helpdesk_request_account ON helpdesk_request (account_id, status, created_at);
