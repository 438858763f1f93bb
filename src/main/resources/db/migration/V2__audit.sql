-- The audit trail of SPEC §8. Append-only: the application only ever INSERTs and SELECTs here; no
-- code path updates or deletes a row (see dev.rekey.audit.AuditLog). Runs on H2 (PostgreSQL mode)
-- and PostgreSQL.

-- Insertion order, so events with the same timestamp still list in a stable "newest first" order.
CREATE SEQUENCE audit_event_seq;

CREATE TABLE audit_event (
    id                 UUID PRIMARY KEY,
    seq                BIGINT NOT NULL,
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    tenant_id          UUID,                     -- null when the user ID's tenant is unknown
    actor_id           UUID,                     -- the account that acted; null for anonymous or system
    actor_label        VARCHAR(320) NOT NULL,    -- its UPN then, or "anonymous" / "system"
    target_account_id  UUID,
    target_label       VARCHAR(320),             -- the target's user ID, as typed when unknown (probing)
    activity           VARCHAR(100) NOT NULL,    -- Entra's activity name
    result             VARCHAR(32) NOT NULL,
    method             VARCHAR(64),
    reason             VARCHAR(100),             -- a machine code
    client_ip          VARCHAR(64) NOT NULL,
    user_agent         VARCHAR(512) NOT NULL,
    flow_id            VARCHAR(64),
    details            TEXT,                     -- JSON object, e.g. a policy's before and after
    CONSTRAINT audit_event_seq_unique UNIQUE (seq)
);
-- No foreign keys: the trail must outlive the tenants and accounts it mentions.
CREATE INDEX audit_event_tenant_time ON audit_event (tenant_id, occurred_at, seq);
CREATE INDEX audit_event_tenant_activity ON audit_event (tenant_id, activity, occurred_at);
CREATE INDEX audit_event_tenant_target ON audit_event (tenant_id, target_account_id, occurred_at);
