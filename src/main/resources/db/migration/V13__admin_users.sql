-- The admin console's user search (GET /api/v1/admin/users) pages a tenant's accounts in user-ID
-- order and tests each account's active methods by kind; both stay index lookups with 100,000+
-- accounts. Plain column indexes only: H2 has no expression or partial indexes.
CREATE INDEX account_tenant_upn ON account (tenant_id, upn);
CREATE INDEX auth_method_account_status_type ON auth_method (account_id, status, method_type);
