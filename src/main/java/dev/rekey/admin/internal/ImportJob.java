package dev.rekey.admin.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The progress of one CSV import. {@code status}: queued, running, finished or failed. */
record ImportJob(
    UUID id,
    UUID tenantId,
    String status,
    int total,
    int done,
    int ok,
    int failed,
    Instant createdAt,
    @Nullable Instant finishedAt) {

  public boolean isOver() {
    return "finished".equals(status) || "failed".equals(status);
  }

  /** Whole percent done, 100 for an empty file. */
  public int percent() {
    return total == 0 ? 100 : (int) (100L * done / total);
  }
}
