-- The SSPR policy of each tenant (SPEC §3). Lists are small and always read whole, so they are kept
-- as JSON text (portable between H2 and PostgreSQL); version guards against lost updates.

CREATE TABLE sspr_policy (
    tenant_id                        UUID PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    enabled_for                      VARCHAR(16) NOT NULL,
    selected_group_id                UUID REFERENCES account_group (id) ON DELETE SET NULL,
    methods_available                TEXT NOT NULL,
    methods_required_to_reset        INTEGER NOT NULL,
    questions_required_to_register   INTEGER NOT NULL,
    questions_required_to_reset      INTEGER NOT NULL,
    predefined_question_ids          TEXT NOT NULL,
    custom_questions                 TEXT NOT NULL,
    require_registration_at_sign_in  BOOLEAN NOT NULL,
    reconfirm_days                   INTEGER NOT NULL,
    notify_users_on_reset            BOOLEAN NOT NULL,
    notify_admins_on_admin_reset     BOOLEAN NOT NULL,
    helpdesk_link                    VARCHAR(2048),
    writeback_enabled                BOOLEAN NOT NULL,
    allow_unlock_without_reset       BOOLEAN NOT NULL,
    uniform_responses                BOOLEAN NOT NULL,
    custom_banned_passwords          TEXT NOT NULL,
    version                          BIGINT NOT NULL,
    updated_at                       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                       UUID,
    CONSTRAINT sspr_policy_enabled_for_check CHECK (enabled_for IN ('none', 'selected', 'all'))
);
CREATE INDEX sspr_policy_selected_group ON sspr_policy (selected_group_id);
