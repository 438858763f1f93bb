package dev.rekey.reset.internal;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The portal refuses a step; pages and the API show {@link #refusal()} in their own way. */
class ResetRefused extends RuntimeException {

  private final Refusal refusal;
  private final @Nullable Instant retryAt;
  private final Map<String, Object> extra;

  ResetRefused(Refusal refusal) {
    this(refusal, null);
  }

  ResetRefused(Refusal refusal, @Nullable Instant retryAt) {
    this(refusal, retryAt, Map.of());
  }

  ResetRefused(Refusal refusal, @Nullable Instant retryAt, Map<String, Object> extra) {
    super(refusal.code(), null, false, false);
    this.refusal = refusal;
    this.retryAt = retryAt;
    this.extra = Map.copyOf(extra);
  }

  /** More members for the API's problem, such as the helpdesk link. */
  Map<String, Object> extra() {
    return extra;
  }

  Refusal refusal() {
    return refusal;
  }

  /** When a block or limit lifts, for {@code retryAfter}. */
  @Nullable Instant retryAt() {
    return retryAt;
  }
}
