package dev.rekey.admin.internal;

import dev.rekey.common.SqlTime;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import jobs and their row errors in {@code import_job} and {@code import_error}. */
@Repository
class ImportJobs {

  /** The most row errors a job answers with; the count of failed rows is always exact. */
  static final int MAX_ERRORS_SHOWN = 1_000;

  private final JdbcClient jdbc;
  private final Clock clock;

  ImportJobs(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A queued job that already counts the rows the file check refused; their reasons are stored by
   * {@link #addErrors}, in the background, so a file of bad rows does not hold up the upload.
   */
  ImportJob create(UUID tenantId, UUID createdBy, int total, int refusedRows) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO import_job (id, tenant_id, created_by, status, total, done, ok, failed,"
                + " created_at) VALUES (?, ?, ?, 'queued', ?, ?, 0, ?, ?)")
        .params(
            id, tenantId, createdBy, total, refusedRows, refusedRows, SqlTime.of(clock.instant()))
        .update();
    return find(id).orElseThrow();
  }

  Optional<ImportJob> find(UUID id) {
    return jdbc.sql(
            "SELECT id, tenant_id, status, total, done, ok, failed, created_at, finished_at"
                + " FROM import_job WHERE id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new ImportJob(
                    rs.getObject("id", UUID.class),
                    rs.getObject("tenant_id", UUID.class),
                    rs.getString("status"),
                    rs.getInt("total"),
                    rs.getInt("done"),
                    rs.getInt("ok"),
                    rs.getInt("failed"),
                    SqlTime.require(rs, "created_at"),
                    SqlTime.get(rs, "finished_at")))
        .optional();
  }

  List<RowError> errors(UUID jobId) {
    return jdbc.sql(
            "SELECT line, field, code FROM import_error WHERE job_id = ?"
                + " ORDER BY line, field LIMIT "
                + MAX_ERRORS_SHOWN)
        .param(jobId)
        .query((rs, n) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  void addErrors(UUID id, List<RowError> errors) {
    errors.forEach(error -> addError(id, error));
  }

  void start(UUID id) {
    jdbc.sql("UPDATE import_job SET status = 'running' WHERE id = ?").param(id).update();
  }

  void rowImported(UUID id) {
    jdbc.sql("UPDATE import_job SET done = done + 1, ok = ok + 1 WHERE id = ?").param(id).update();
  }

  void rowRefused(UUID id, List<RowError> errors) {
    errors.forEach(error -> addError(id, error));
    jdbc.sql("UPDATE import_job SET done = done + 1, failed = failed + 1 WHERE id = ?")
        .param(id)
        .update();
  }

  void finish(UUID id, String status) {
    jdbc.sql("UPDATE import_job SET status = ?, finished_at = ? WHERE id = ?")
        .params(status, SqlTime.of(clock.instant()), id)
        .update();
  }

  private void addError(UUID jobId, RowError error) {
    jdbc.sql("INSERT INTO import_error (job_id, line, field, code) VALUES (?, ?, ?, ?)")
        .params(jobId, error.line(), error.field(), error.code())
        .update();
  }
}
