package dev.rekey.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A search of one tenant's trail; null filters match everything. Results are newest first.
 *
 * @param userId matches the target's or the actor's user ID, ignoring case
 * @param method the verification method as stored ({@code email}, {@code softwareOath}, {@code
 *     password}…), ignoring case
 * @param from the earliest time, inclusive
 * @param to the end of the period, exclusive
 * @param page the page number, from 0
 * @param size the page size, 1 to {@link #MAX_SIZE}
 */
public record AuditQuery(
    UUID tenantId,
    @Nullable AuditActivity activity,
    @Nullable AuditResult result,
    @Nullable String userId,
    @Nullable String method,
    @Nullable Instant from,
    @Nullable Instant to,
    int page,
    int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  public AuditQuery {
    if (page < 0 || size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("page must be >= 0 and size 1-" + MAX_SIZE);
    }
  }

  /** A search without a method filter. */
  public AuditQuery(
      UUID tenantId,
      @Nullable AuditActivity activity,
      @Nullable AuditResult result,
      @Nullable String userId,
      @Nullable Instant from,
      @Nullable Instant to,
      int page,
      int size) {
    this(tenantId, activity, result, userId, null, from, to, page, size);
  }

  /** Everything of a tenant, first page. */
  public static AuditQuery all(UUID tenantId) {
    return new AuditQuery(tenantId, null, null, null, null, null, 0, DEFAULT_SIZE);
  }

  /** The same filters, another page. */
  public AuditQuery withPage(int newPage, int newSize) {
    return new AuditQuery(tenantId, activity, result, userId, method, from, to, newPage, newSize);
  }
}
