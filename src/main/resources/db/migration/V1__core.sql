-- Core schema: tenants, directory, sessions. Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

CREATE TABLE tenant (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE tenant_domain (
    domain      VARCHAR(253) PRIMARY KEY,
    tenant_id   UUID NOT NULL REFERENCES tenant (id),
    verified    BOOLEAN NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tenant_domain_tenant ON tenant_domain (tenant_id);

CREATE TABLE account (
    id                    UUID PRIMARY KEY,
    tenant_id             UUID NOT NULL REFERENCES tenant (id),
    upn                   VARCHAR(320) NOT NULL,
    display_name          VARCHAR(256) NOT NULL,
    first_name            VARCHAR(128),
    last_name             VARCHAR(128),
    email                 VARCHAR(320),
    enabled               BOOLEAN NOT NULL,
    locked                BOOLEAN NOT NULL,
    password_authority    VARCHAR(16) NOT NULL,
    password_hash         VARCHAR(255),
    must_change_password  BOOLEAN NOT NULL,
    password_changed_at   TIMESTAMP WITH TIME ZONE,
    preferred_language    VARCHAR(8),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_upn_unique UNIQUE (upn),
    CONSTRAINT account_authority_check CHECK (password_authority IN ('rekey', 'directory', 'external'))
);
CREATE INDEX account_tenant ON account (tenant_id);

CREATE TABLE account_role (
    account_id  UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role        VARCHAR(16) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT account_role_check CHECK (role IN ('user', 'helpdesk', 'admin'))
);

CREATE TABLE password_history (
    id           UUID PRIMARY KEY,
    account_id   UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    password_hash VARCHAR(255) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX password_history_account ON password_history (account_id, created_at);

CREATE TABLE account_group (
    id          UUID PRIMARY KEY,
    tenant_id   UUID NOT NULL REFERENCES tenant (id),
    name        VARCHAR(256) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_group_name_unique UNIQUE (tenant_id, name)
);

-- A member is an account or a nested group; exactly one of the two is set.
CREATE TABLE group_member (
    group_id          UUID NOT NULL REFERENCES account_group (id) ON DELETE CASCADE,
    member_account_id UUID REFERENCES account (id) ON DELETE CASCADE,
    member_group_id   UUID REFERENCES account_group (id) ON DELETE CASCADE,
    CONSTRAINT group_member_one_kind CHECK (
        (member_account_id IS NOT NULL AND member_group_id IS NULL)
        OR (member_account_id IS NULL AND member_group_id IS NOT NULL))
);
CREATE UNIQUE INDEX group_member_account ON group_member (group_id, member_account_id);
CREATE UNIQUE INDEX group_member_group ON group_member (group_id, member_group_id);
CREATE INDEX group_member_by_account ON group_member (member_account_id);
CREATE INDEX group_member_by_group ON group_member (member_group_id);

-- Sign-in throttling counters, shared by every node through the database.
CREATE TABLE signin_throttle (
    throttle_key   VARCHAR(400) PRIMARY KEY,
    failures       INTEGER NOT NULL,
    window_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failure   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Server-side HTTP sessions (Spring Session JDBC), so any node can serve any request.
CREATE TABLE spring_session (
    primary_id             CHAR(36) NOT NULL,
    session_id             CHAR(36) NOT NULL,
    creation_time          BIGINT NOT NULL,
    last_access_time       BIGINT NOT NULL,
    max_inactive_interval  INT NOT NULL,
    expiry_time            BIGINT NOT NULL,
    principal_name         VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id  CHAR(36) NOT NULL,
    attribute_name      VARCHAR(200) NOT NULL,
    attribute_bytes     BYTEA NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
