package dev.rekey.reset.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of a user to reset or unlock (SPEC §5), as stored.
 *
 * @param intent {@code reset} or {@code unlock}; null until a locked user chooses
 * @param verified the ids of the methods proven so far, in order
 * @param challengeMethod the method whose challenge is outstanding (code sent, questions asked)
 * @param challengeState what that challenge needs to be checked (questions asked, WebAuthn
 *     challenge)
 * @param step how far the user got, for the abandonment report
 */
record ResetFlow(
    String id,
    UUID tenantId,
    UUID accountId,
    @Nullable Intent intent,
    int requiredMethods,
    List<UUID> verified,
    @Nullable UUID challengeMethod,
    @Nullable String challengeState,
    Step step,
    int version,
    Instant createdAt,
    Instant expiresAt) {

  ResetFlow {
    verified = List.copyOf(verified);
  }

  enum Intent {
    RESET,
    UNLOCK
  }

  /** The steps of SPEC §5, as recorded for "flow activity progress" and abandonment. */
  enum Step {
    STARTED,
    CHOOSING,
    VERIFYING,
    VERIFIED,
    PASSWORD;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  boolean verificationComplete() {
    return verified.size() >= requiredMethods;
  }

  int remainingMethods() {
    return Math.max(0, requiredMethods - verified.size());
  }
}
