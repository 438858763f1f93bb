-- One counter table for every throttle (sign-in and self-service reset, SPEC §5.1): the sign-in
-- counters' table, generalised. A row is one fixed window opened at its first hit.
ALTER TABLE signin_throttle RENAME TO throttle_counter;
ALTER TABLE throttle_counter RENAME COLUMN failures TO hits;
ALTER TABLE throttle_counter RENAME COLUMN last_failure TO last_hit;
CREATE INDEX throttle_counter_last_hit ON throttle_counter (last_hit);

-- Accounts blocked from self-service password reset (never from signing in: no lockout-DoS).
-- No foreign key: accounts may come from an external directory. One row per account; an ended
-- block stays until purged or taken over by the next one.
CREATE TABLE sspr_block (
    account_id     UUID PRIMARY KEY,
    blocked_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason         VARCHAR(32) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sspr_block_until ON sspr_block (blocked_until);
