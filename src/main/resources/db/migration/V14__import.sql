-- CSV user imports: one job per uploaded file, its progress, and the rows it refused.

CREATE TABLE import_job (
    id           UUID PRIMARY KEY,
    tenant_id    UUID NOT NULL REFERENCES tenant (id),
    created_by   UUID REFERENCES account (id) ON DELETE SET NULL,
    status       VARCHAR(16) NOT NULL,
    total        INTEGER NOT NULL,
    done         INTEGER NOT NULL,
    ok           INTEGER NOT NULL,
    failed       INTEGER NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT import_job_status_check CHECK (status IN ('queued', 'running', 'finished', 'failed'))
);
CREATE INDEX import_job_tenant ON import_job (tenant_id, created_at);

-- A refused row: where (line in the file, column) and why (a message code, localised when shown).
CREATE TABLE import_error (
    job_id   UUID NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    line     INTEGER NOT NULL,
    field    VARCHAR(32) NOT NULL,
    code     VARCHAR(64) NOT NULL
);
CREATE INDEX import_error_job ON import_error (job_id, line);
