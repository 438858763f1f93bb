-- SMS-pumping protection (SPEC §5.1): how many text messages and calls went out per scope
-- ("global", "tenant:<id>", "account:<id>") in each clock hour (epoch seconds / 3600). Kept in the
-- database so every node of a cluster counts against the same budget.
CREATE TABLE phone_budget (
    scope        VARCHAR(64) NOT NULL,
    hour_bucket  BIGINT      NOT NULL,
    sent         INTEGER     NOT NULL,
    PRIMARY KEY (scope, hour_bucket)
);
CREATE INDEX phone_budget_hour ON phone_budget (hour_bucket);
