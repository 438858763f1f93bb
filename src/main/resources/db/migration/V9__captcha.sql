-- Solved CAPTCHA challenges: each is accepted once (SPEC Appendix A), so a solution cannot be
-- replayed. The primary key makes the check atomic across nodes; rows are purged after expiry.
CREATE TABLE captcha_spent (
    challenge  VARCHAR(64) PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX captcha_spent_expires ON captcha_spent (expires_at);
