package dev.rekey.admin.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.Audited;
import dev.rekey.common.ApiProblem;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.AccountRejected;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.directory.SignedInUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a CSV import in the background: each row in its own transaction, so a bad row is refused and
 * the good ones stay. Imported accounts get no password at all: nobody, the admin included, knows
 * one (ASVS 5.0 §6.4.6); the user gets a temporary one from the helpdesk or, where the policy
 * allows, sets one through self-service reset.
 */
@Service
class UserImporter {

  private static final Logger log = LoggerFactory.getLogger(UserImporter.class);

  private final ImportJobs jobs;
  private final AccountDirectory directory;
  private final Groups groups;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final ImportWorker worker;

  UserImporter(
      ImportJobs jobs,
      AccountDirectory directory,
      Groups groups,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      ImportWorker worker) {
    this.jobs = jobs;
    this.directory = directory;
    this.groups = groups;
    this.events = events;
    this.transactions = transactions;
    this.worker = worker;
  }

  /**
   * Checks the file and queues its rows.
   *
   * @throws CsvRejected when the file as a whole cannot be read
   * @throws ApiProblem 503 {@code unavailable} when too many imports are waiting
   */
  ImportJob start(SignedInUser operator, byte[] file, RequestOrigin origin) {
    ImportCsv.Parsed parsed = ImportCsv.parse(file);
    ImportJob job =
        jobs.create(
            operator.tenantId(), operator.accountId(), parsed.total(), parsed.refusedRows());
    try {
      worker.submit(() -> run(job, parsed, operator, origin));
    } catch (RejectedExecutionException busy) {
      jobs.finish(job.id(), "failed");
      throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
    }
    return job;
  }

  void run(ImportJob job, ImportCsv.Parsed parsed, SignedInUser operator, RequestOrigin origin) {
    jobs.start(job.id());
    try {
      jobs.addErrors(job.id(), parsed.errors());
      for (ImportRow row : parsed.rows()) {
        List<RowError> errors = new ArrayList<>();
        try {
          transactions.executeWithoutResult(tx -> importRow(row, operator, origin, errors));
        } catch (AccountRejected rejected) {
          errors.add(new RowError(row.line(), fieldOf(rejected.code()), rejected.code()));
        } catch (DataIntegrityViolationException race) {
          // Another node or request created the same user ID between the check and the insert.
          errors.add(new RowError(row.line(), "userId", "upn_taken"));
        }
        if (errors.isEmpty()) {
          jobs.rowImported(job.id());
        } else {
          jobs.rowRefused(job.id(), errors);
        }
      }
      jobs.finish(job.id(), "finished");
    } catch (RuntimeException e) {
      log.error("Import {} stopped", job.id(), e);
      jobs.finish(job.id(), "failed");
    }
    ImportJob done = jobs.find(job.id()).orElseThrow();
    events.publishEvent(
        new Audited(
            operator.tenantId(),
            operator.accountId(),
            null,
            null,
            AuditActivity.BULK_CREATE_USERS,
            "finished".equals(done.status()) ? AuditResult.SUCCEEDED : AuditResult.FAILED,
            null,
            null,
            origin,
            null,
            Map.of(
                "importId", done.id().toString(),
                "total", done.total(),
                "ok", done.ok(),
                "failed", done.failed())));
  }

  private void importRow(
      ImportRow row, SignedInUser operator, RequestOrigin origin, List<RowError> errors) {
    List<Group> memberOf = new ArrayList<>();
    for (String name : row.groups()) {
      Optional<Group> group = groups.findByName(operator.tenantId(), name);
      if (group.isEmpty()) {
        errors.add(new RowError(row.line(), "groups", "group_unknown"));
        return;
      }
      memberOf.add(group.get());
    }
    Account account =
        directory.create(
            new NewAccount(
                operator.tenantId(),
                row.userId(),
                row.displayName(),
                row.firstName(),
                row.lastName(),
                row.email(),
                Set.of(Role.USER),
                PasswordAuthority.REKEY),
            null,
            true);
    memberOf.forEach(group -> groups.addAccount(group.id(), account.id()));
    events.publishEvent(
        new Audited(
            account.tenantId(),
            operator.accountId(),
            account.id(),
            null,
            AuditActivity.ADD_USER,
            AuditResult.SUCCEEDED,
            null,
            null,
            origin,
            null,
            Map.of("source", "import", "line", row.line(), "groups", row.groups().size())));
  }

  /** The column an {@link AccountRejected} code is about. */
  static String fieldOf(String code) {
    return switch (code) {
      case "upn_invalid", "upn_domain", "upn_taken" -> "userId";
      case "display_name_invalid" -> "displayName";
      default -> "row";
    };
  }
}
