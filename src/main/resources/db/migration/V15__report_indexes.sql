-- Reports (SPEC §8): registration coverage reads every active method of a tenant by kind and
-- creation time; this index answers those aggregates without touching the table rows.
-- (audit_event already has (tenant_id, activity, occurred_at) for the reset report.)
CREATE INDEX auth_method_report ON auth_method (tenant_id, status, method_type, account_id, created_at);
