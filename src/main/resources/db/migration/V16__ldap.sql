-- Directory integration (issue 6): each tenant's LDAP / Active Directory connection, and the link
-- between Rekey's account and the directory entry, by the entry's stable identifier
-- (entryUUID / objectGUID) so a rename does not orphan the account's security info.

CREATE TABLE directory_connection (
    tenant_id               UUID PRIMARY KEY REFERENCES tenant (id),
    flavour                 VARCHAR(32) NOT NULL,
    urls                    VARCHAR(4000) NOT NULL,
    security                VARCHAR(16) NOT NULL,
    trusted_certificates    VARCHAR(200000),
    bind_dn                 VARCHAR(1024) NOT NULL,
    bind_secret             BYTEA,
    base_dn                 VARCHAR(1024) NOT NULL,
    user_filter             VARCHAR(1024) NOT NULL,
    user_id_attribute       VARCHAR(64) NOT NULL,
    display_name_attribute  VARCHAR(64) NOT NULL,
    first_name_attribute    VARCHAR(64) NOT NULL,
    last_name_attribute     VARCHAR(64) NOT NULL,
    email_attribute         VARCHAR(64) NOT NULL,
    group_mode              VARCHAR(16) NOT NULL,
    group_base_dn           VARCHAR(1024),
    group_filter            VARCHAR(1024) NOT NULL,
    nested_groups           BOOLEAN NOT NULL,
    connect_timeout_ms      INTEGER NOT NULL,
    response_timeout_ms     INTEGER NOT NULL,
    pool_size               INTEGER NOT NULL,
    enabled                 BOOLEAN NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT directory_connection_flavour CHECK (flavour IN ('generic', 'active_directory')),
    CONSTRAINT directory_connection_security CHECK (security IN ('none', 'ldaps', 'starttls')),
    CONSTRAINT directory_connection_groups CHECK (group_mode IN ('none', 'member_of', 'search'))
);

ALTER TABLE account ADD COLUMN directory_id VARCHAR(64);
ALTER TABLE account ADD COLUMN directory_dn VARCHAR(1024);
ALTER TABLE account ADD COLUMN directory_disabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE account ADD COLUMN directory_synced_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX account_directory_id ON account (tenant_id, directory_id);

-- Groups read from the directory are kept apart from the ones admins make in Rekey.
ALTER TABLE account_group ADD COLUMN source VARCHAR(16) DEFAULT 'rekey' NOT NULL;
