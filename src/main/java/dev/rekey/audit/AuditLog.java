package dev.rekey.audit;

import java.util.function.Consumer;

/**
 * The append-only audit trail (SPEC §8). There is deliberately no update and no delete: an audit
 * record that can be edited proves nothing (ASVS 5.0 §16.4.2, logs protected from modification).
 * Retention, when wanted, belongs to the database operator, not to the application.
 *
 * <p>Modules do not call this: they publish events ({@link Audited} or their own) and the audit
 * module records them.
 */
public interface AuditLog {

  /** Appends an event, at the clock's current time, in the caller's transaction if there is one. */
  AuditEvent record(NewAuditEvent event);

  /** One page of a tenant's events, newest first. */
  AuditPage find(AuditQuery query);

  /**
   * Every event matching the query's filters (its paging ignored), newest first, up to {@code
   * limit}, handed over one by one so a large export does not sit in memory.
   *
   * @return how many events were handed over
   */
  int forEach(AuditQuery query, int limit, Consumer<AuditEvent> consumer);
}
