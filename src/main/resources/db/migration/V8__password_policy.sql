-- The password policy settings of SPEC §7 on each tenant's SSPR policy: the minimum length (8-15,
-- NIST SP 800-63B-4 §3.1.1.2) and the optional "3 of 4 character classes" rule (off by default).

ALTER TABLE sspr_policy ADD COLUMN password_min_length INTEGER DEFAULT 8 NOT NULL;
ALTER TABLE sspr_policy ADD COLUMN require_character_classes BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE sspr_policy ADD CONSTRAINT sspr_policy_password_min_length_check
    CHECK (password_min_length BETWEEN 8 AND 15);
