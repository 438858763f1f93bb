-- Security info: the verification methods users registered (SPEC §4). Secrets (TOTP keys, phone
-- numbers, email addresses) are AES-256-GCM ciphertexts from the crypto module; hints are masked.

CREATE TABLE auth_method (
    id              UUID PRIMARY KEY,
    tenant_id       UUID NOT NULL REFERENCES tenant (id),
    account_id      UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    method_type     VARCHAR(24) NOT NULL,
    phone_type      VARCHAR(16),
    display_name    VARCHAR(64),
    hint            VARCHAR(128) NOT NULL,
    secret          BYTEA,
    data            TEXT,
    status          VARCHAR(12) NOT NULL,
    is_default      BOOLEAN NOT NULL,
    totp_last_step  BIGINT,
    failed_attempts INTEGER DEFAULT 0 NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    verified_at     TIMESTAMP WITH TIME ZONE,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT auth_method_type_check CHECK (method_type IN ('softwareOath', 'phone', 'email', 'fido2', 'securityQuestions')),
    CONSTRAINT auth_method_status_check CHECK (status IN ('pending', 'active'))
);
CREATE INDEX auth_method_account ON auth_method (account_id, status);
CREATE INDEX auth_method_tenant ON auth_method (tenant_id, method_type);

-- When each user last confirmed their security info (registration or "Looks good"), for reconfirmation.
CREATE TABLE security_info_review (
    account_id    UUID PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    reviewed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One-time codes (SMS, call, email): stored only as a keyed hash, 5 minutes, single use, bound to
-- what requested them. A new code replaces the old one but keeps the failure count (SPEC §4).
CREATE TABLE one_time_code (
    purpose          VARCHAR(32) NOT NULL,
    subject_id       UUID NOT NULL,
    code_hash        BYTEA NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    used             BOOLEAN NOT NULL,
    failures         INTEGER NOT NULL,
    failures_since   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (purpose, subject_id)
);
CREATE INDEX one_time_code_expiry ON one_time_code (expires_at);
